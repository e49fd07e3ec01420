package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The holds (options) as the campaign feature stores them: inventory kept for proposed campaigns. A hold in force is
 * counted as booked by every availability check, booking and hold, and is never planned into a published schedule.
 */
public interface HeldInventory {

    /**
     * The holds in force at {@code at} (those expiring later), each as the campaign it would become, booked when it
     * was held; and the holds' revision read before them.
     */
    Mono<Holds> inForce(Instant at);

    /** The holds' revision: it grows whenever a hold is taken (a release or expiry only frees inventory). */
    Mono<Long> revision();

    /**
     * Holds in force.
     *
     * @param campaigns each hold as the campaign it would become
     * @param revision  the holds' revision when they were read
     */
    record Holds(List<Campaign> campaigns, long revision) {

        public Holds {
            campaigns = List.copyOf(campaigns);
        }
    }
}
