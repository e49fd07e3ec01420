package io.railcast.server.agent.events;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A published version as the events stream announces it.
 *
 * @param screens the screens whose plans it changes; null when unknown, which concerns every screen
 */
record VersionAnnouncement(
        long version,
        Instant effectiveAt,
        boolean urgent,
        @Nullable Set<String> screens) {

    boolean concerns(String screenId) {
        return screens == null || screens.contains(screenId);
    }

    VersionAnnouncement concerning(@Nullable Set<String> changed) {
        return new VersionAnnouncement(version, effectiveAt, urgent, changed == null ? null : Set.copyOf(changed));
    }
}
