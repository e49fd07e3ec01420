package io.railcast.server.outage;

import io.railcast.model.network.OutOfService;
import io.railcast.server.planning.NetworkChangeAnswer;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/stations/{code}/out-of-service} and {@code /api/v1/screens/{id}/out-of-service}: off air for a
 * period or for good, answered with the contracted plays it makes impossible; {@code ?dryRun=true} stores nothing.
 */
@RestController
class OutageController {

    private final OutageService service;
    private final Clock clock;

    OutageController(OutageService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/stations/{code}/out-of-service", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<NetworkChangeAnswer> station(
            @PathVariable String code,
            @RequestBody OutageRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return Mono.defer(() -> service.station(code, period(request), request.reasonOrDefault(), dryRun));
    }

    @PostMapping(path = "/api/v1/screens/{id}/out-of-service", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<NetworkChangeAnswer> screen(
            @PathVariable String id,
            @RequestBody OutageRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return Mono.defer(() -> service.screen(id, period(request), request.reasonOrDefault(), dryRun));
    }

    private OutOfService period(OutageRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        OutOfService period = request.period(clock.instant(), problems);
        if (period == null) {
            throw ApiProblem.invalid("invalid-out-of-service", "Invalid out-of-service period", problems);
        }
        return period;
    }
}
