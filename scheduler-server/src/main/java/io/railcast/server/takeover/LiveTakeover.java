package io.railcast.server.takeover;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A takeover as the screens are told of it: what to show from {@code from} until {@code until} (null: until
 * cancelled), and the screens it covers. {@code cancelled} says that {@code until} is the instant it was cancelled.
 *
 * @param creative the creative shown, with what an agent needs to fetch and check it; null for a notice
 * @param notice   the text shown on a plain background; null for a creative
 * @param screens  the screens covered, null for the whole network
 */
public record LiveTakeover(
        UUID id,
        Instant from,
        @Nullable Instant until,
        boolean cancelled,
        @Nullable CreativeFile creative,
        @Nullable String notice,
        @Nullable Set<String> screens) {

    /** A stored creative as agents fetch it (the {@code creative} table's contract columns). */
    public record CreativeFile(String id, String sha256, long sizeBytes, int durationSeconds) {}

    public boolean concerns(String screenId) {
        return screens == null || screens.contains(screenId);
    }

    /** Over at {@code t}: agents no longer need to hear of it. */
    public boolean overAt(Instant t) {
        return until != null && !until.isAfter(t);
    }

    /** The same takeover without its screens: what one screen is told. */
    public LiveTakeover forScreen() {
        return new LiveTakeover(id, from, until, cancelled, creative, notice, null);
    }
}
