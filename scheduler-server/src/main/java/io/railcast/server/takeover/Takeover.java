package io.railcast.server.takeover;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A takeover as stored: {@code creativeId} or {@code notice} (exactly one) on the screens of {@code target} from
 * {@code startsAt} until {@code endsAt} (null: until cancelled) or until {@code cancelledAt}, whichever is first.
 */
record Takeover(
        UUID id,
        Instant createdAt,
        String createdBy,
        String reason,
        @Nullable String creativeId,
        @Nullable String notice,
        Instant startsAt,
        @Nullable Instant endsAt,
        TakeoverTarget target,
        @Nullable Instant cancelledAt,
        @Nullable String cancelledBy) {

    /** When it stops preempting the screens: its end or its cancellation, whichever is first; null while open. */
    @Nullable
    Instant end() {
        if (cancelledAt == null) {
            return endsAt;
        }
        return endsAt == null || cancelledAt.isBefore(endsAt) ? cancelledAt : endsAt;
    }

    boolean overAt(Instant t) {
        Instant end = end();
        return end != null && !end.isAfter(t);
    }

    String state(Instant now) {
        if (cancelledAt != null && (endsAt == null || cancelledAt.isBefore(endsAt))) {
            return "CANCELLED";
        }
        if (overAt(now)) {
            return "ENDED";
        }
        return startsAt.isAfter(now) ? "SCHEDULED" : "ACTIVE";
    }
}
