package io.railcast.server.agent.plays;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A checked proof-of-play record of the calling screen, ready to store. */
record Play(
        UUID playId,
        String campaign,
        String creative,
        Instant startedAt,
        int durationMillis,
        @Nullable Long scheduleVersion) {}
