package io.railcast.server.agent.plays;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One proof-of-play record as an agent sends it; checked by {@link PlayChecks} before it is stored. */
record PlayReport(
        @Nullable String playId,
        @Nullable String screenId,
        @Nullable String campaign,
        @Nullable String creative,
        @Nullable Instant startedAt,
        @Nullable Long durationMillis,
        @Nullable Long scheduleVersion) {}
