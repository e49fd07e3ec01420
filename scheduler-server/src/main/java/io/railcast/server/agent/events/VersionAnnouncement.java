package io.railcast.server.agent.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A published version as the events stream announces it.
 *
 * @param screens the screens whose plans it changes, each with the plans its changed hours name (possibly none
 *                listed); null when unknown, which concerns every screen
 */
record VersionAnnouncement(
        long version,
        Instant effectiveAt,
        boolean urgent,
        @Nullable Map<String, List<String>> screens) {

    boolean concerns(String screenId) {
        return screens == null || screens.containsKey(screenId);
    }

    /** The plans the screen's changed hours name, as far as known. */
    List<String> plansOf(String screenId) {
        return screens == null ? List.of() : screens.getOrDefault(screenId, List.of());
    }

    VersionAnnouncement concerning(@Nullable Map<String, List<String>> changed) {
        return new VersionAnnouncement(version, effectiveAt, urgent, changed == null ? null : Map.copyOf(changed));
    }
}
