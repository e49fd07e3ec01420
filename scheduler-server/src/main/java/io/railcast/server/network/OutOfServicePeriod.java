package io.railcast.server.network;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A period a station, or one of its screens, is off air, as the API shows it.
 *
 * @param screen  the screen's id; null when the whole station is off air
 * @param until   when it is back on air; null when retired
 * @param retired off air for good
 */
record OutOfServicePeriod(
        @Nullable String screen, Instant from, @Nullable Instant until, boolean retired, String reason) {

    static OutOfServicePeriod of(@Nullable String screen, Instant from, @Nullable Instant until, String reason) {
        return new OutOfServicePeriod(screen, from, until, until == null, reason);
    }
}
