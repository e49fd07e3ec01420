package io.railcast.server.planning;

import io.railcast.model.network.OutOfService;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import reactor.core.publisher.Mono;

/**
 * A change of the network to plan and publish, as a booking is: screens taken out of service for a period or for
 * good.
 *
 * @param reason    why, for people (the version's reason)
 * @param screenIds the screens concerned (a station's are all of its screens)
 * @param period    when they are off air
 * @param dryRun    whether only to answer what the change would make impossible, storing and publishing nothing
 * @param store     writes the change itself, given the number of the version being published, in the publishing
 *                  transaction; not called on a dry run
 */
public record NetworkChange(
        String reason, Set<String> screenIds, OutOfService period, boolean dryRun, LongFunction<Mono<Void>> store) {

    public NetworkChange {
        Objects.requireNonNull(reason, "reason");
        screenIds = Set.copyOf(screenIds);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(store, "store");
    }
}
