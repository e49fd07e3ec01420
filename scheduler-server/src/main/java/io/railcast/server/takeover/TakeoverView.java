package io.railcast.server.takeover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A takeover as the API shows it (and the history records it).
 *
 * @param state     SCHEDULED, ACTIVE, ENDED or CANCELLED
 * @param lostPlays the contracted plays it displaced by campaign, once counted after it is over; null before
 */
record TakeoverView(
        UUID id,
        String state,
        @Nullable String creative,
        @Nullable String notice,
        TakeoverTarget target,
        Instant from,
        @Nullable Instant until,
        @Nullable Instant cancelledAt,
        @Nullable String cancelledBy,
        String reason,
        Instant createdAt,
        String createdBy,
        @Nullable List<LostPlayRepository.LostPlays> lostPlays) {

    static TakeoverView of(Takeover t, Instant now, @Nullable List<LostPlayRepository.LostPlays> lostPlays) {
        return new TakeoverView(
                t.id(),
                t.state(now),
                t.creativeId(),
                t.notice(),
                t.target(),
                t.startsAt(),
                t.endsAt(),
                t.cancelledAt(),
                t.cancelledBy(),
                t.reason(),
                t.createdAt(),
                t.createdBy(),
                lostPlays);
    }
}
