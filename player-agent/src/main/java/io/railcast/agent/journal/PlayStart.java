package io.railcast.agent.journal;

import static java.util.Objects.requireNonNull;

import io.railcast.agent.protocol.PlayRecord;
import io.railcast.agent.protocol.Spot;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A spot that has started and not yet finished: the first half of a {@link PlayRecord}, journaled at once. */
public record PlayStart(
        UUID playId, String screenId, String campaign, String creative, Instant startedAt, long scheduleVersion) {

    public PlayStart {
        requireNonNull(playId, "playId");
        requireNonNull(screenId, "screenId");
        requireNonNull(campaign, "campaign");
        requireNonNull(creative, "creative");
        requireNonNull(startedAt, "startedAt");
    }

    /** A new play with a fresh id; the instant is kept to the millisecond, the protocol's precision. */
    public static PlayStart of(String screenId, Spot spot, Instant startedAt, long scheduleVersion) {
        return new PlayStart(
                UUID.randomUUID(),
                screenId,
                spot.campaign(),
                spot.creative(),
                startedAt.truncatedTo(ChronoUnit.MILLIS),
                scheduleVersion);
    }

    PlayRecord finished(long durationMillis) {
        return new PlayRecord(playId, screenId, campaign, creative, startedAt, durationMillis, scheduleVersion);
    }
}
