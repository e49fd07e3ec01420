package io.railcast.server.outage;

import io.railcast.model.network.OutOfService;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.network.NetworkCatalog;
import io.railcast.server.planning.NetworkChange;
import io.railcast.server.planning.NetworkChangeAnswer;
import io.railcast.server.planning.PlanningService;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes a station or screen out of service through the planning desk: the network with the period is planned, the
 * answer names the contracted plays it makes impossible, and (unless a dry run) the period is stored and recorded
 * in the history in the transaction that publishes the new version.
 */
@Service
class OutageService {

    private final NetworkCatalog network;
    private final PlanningService planning;
    private final AuditTrail audit;

    OutageService(NetworkCatalog network, PlanningService planning, AuditTrail audit) {
        this.network = network;
        this.planning = planning;
        this.audit = audit;
    }

    /** Every screen of station {@code code}; refused when no station has that code. */
    Mono<NetworkChangeAnswer> station(String code, OutOfService period, String reason, boolean dryRun) {
        return change(true, code, network.screensOfStation(code), period, reason, dryRun);
    }

    /** The screen {@code id}; refused when no screen has that id. */
    Mono<NetworkChangeAnswer> screen(String id, OutOfService period, String reason, boolean dryRun) {
        return change(false, id, network.screen(id), period, reason, dryRun);
    }

    private Mono<NetworkChangeAnswer> change(
            boolean wholeStation,
            String id,
            Mono<Set<String>> screens,
            OutOfService period,
            String reason,
            boolean dryRun) {
        // the history's source is the request's: taken here, before the change runs on the planning thread
        return Mono.zip(screens, audit.source()).flatMap(both -> {
            String why = (period.isRetirement() ? "retirement of " : "out of service: ")
                    + (wholeStation ? "station " : "screen ") + id + " (" + reason + ")";
            return planning.change(new NetworkChange(
                    why,
                    both.getT1(),
                    period,
                    dryRun,
                    version -> network.takeOutOfService(wholeStation, id, period, reason, both.getT2())));
        });
    }
}
