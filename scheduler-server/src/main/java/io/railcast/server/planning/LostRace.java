package io.railcast.server.planning;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A booking or hold that lost the race to another instance (which published a version or took a hold between this
 * one's decision and its storing) is decided once more, on what the winner stored, so that its user gets the real
 * answer (accepted, or overbooked with its shortfalls) rather than "try again". Losing twice in a row is answered as
 * a conflict.
 */
final class LostRace {

    private static final Logger log = LoggerFactory.getLogger(LostRace.class);

    private LostRace() {}

    /** Runs {@code attempt}, and once more when another instance stored a change first. */
    static <T> T onceMore(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (PlanningRefusal.PublishedElsewhere lost) {
            log.info("{}: deciding again on what was stored", lost.getMessage());
            return attempt.get();
        }
    }
}
