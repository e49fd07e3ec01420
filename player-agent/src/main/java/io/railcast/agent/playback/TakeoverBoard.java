package io.railcast.agent.playback;

import io.railcast.agent.protocol.Takeover;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The display decision for emergency takeovers: the takeovers ready to show (their media verified, or a notice), and
 * what is on screen given what the schedule says. While a takeover is active it is shown instead of the schedule;
 * when two overlap, the one that began last is shown; the schedule's spot is cut where a takeover begins, and the
 * schedule resumes by the clock where the takeover ends. Not thread-safe: {@link Programme} guards it.
 */
final class TakeoverBoard {

    /** When a takeover has no end yet, the player looks again this often; a cancellation wakes it anyway. */
    static final Duration OPEN_RECHECK = Duration.ofMinutes(1);

    private static final Comparator<Takeover> LATEST_START =
            Comparator.comparing(Takeover::from).thenComparing(Takeover::id);

    private final Map<String, Takeover> held = new HashMap<>();

    /** Takes a takeover, or a later word on one (its end moved earlier); false when nothing changed. */
    boolean put(Takeover takeover) {
        Takeover before = held.get(takeover.id());
        Takeover after = before == null ? takeover : before.merge(takeover);
        held.put(takeover.id(), after);
        return !after.equals(before);
    }

    /** Forgets one the server no longer lists; false if it was not held. */
    boolean remove(String id) {
        return held.remove(id) != null;
    }

    List<Takeover> held() {
        return new ArrayList<>(held.values());
    }

    /** What is on screen at {@code t}: {@code scheduled}, cut where a takeover begins, or the takeover itself. */
    OnScreen decide(OnScreen scheduled, Instant t) {
        held.values().removeIf(takeover -> takeover.overAt(t));
        Takeover shown = null;
        Instant nextStart = null;
        for (Takeover takeover : held.values()) {
            if (takeover.activeAt(t)) {
                shown = shown == null || LATEST_START.compare(takeover, shown) > 0 ? takeover : shown;
            } else if (takeover.from().isAfter(t)
                    && (nextStart == null || takeover.from().isBefore(nextStart))) {
                nextStart = takeover.from();
            }
        }
        if (shown == null) {
            return nextStart == null ? scheduled : scheduled.endingAt(nextStart);
        }
        Instant end = shown.until() == null ? t.plus(OPEN_RECHECK) : shown.until();
        if (nextStart != null && nextStart.isBefore(end)) {
            end = nextStart;
        }
        return OnScreen.takeover(shown, end, scheduled.version());
    }
}
