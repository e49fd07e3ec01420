package io.railcast.server.agent.status;

import io.railcast.server.agent.AgentProperties;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Agent heartbeats: {@code POST /agent/v1/status} from the agents, stored in batches and answered with the server's
 * time (taken on arrival) for their clock estimate; {@code GET /api/v1/screens/status} for operators (signed in
 * through the API's chain).
 */
@RestController
class StatusController {

    private final StatusRepository statuses;
    private final HeartbeatQueue heartbeats;
    private final Duration versionGrace;
    private final Duration clockTolerance;
    private final Clock clock;

    StatusController(StatusRepository statuses, HeartbeatQueue heartbeats, AgentProperties properties, Clock clock) {
        this.statuses = statuses;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.versionGrace = properties.status().versionGrace();
        this.clockTolerance = properties.status().clockTolerance();
    }

    @PostMapping(path = "/agent/v1/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ServerTime> report(Principal screen, @RequestBody StatusReport report) {
        // taken on arrival: the agent halves the round trip around it
        Instant received = clock.instant();
        List<FieldProblem> problems = report.problems();
        if (!problems.isEmpty()) {
            return Mono.error(ApiProblem.invalid("invalid-status", "Invalid status", problems));
        }
        // answered once the batch holding it has committed (HeartbeatQueue)
        return heartbeats.store(screen.getName(), report).thenReturn(new ServerTime(received));
    }

    @GetMapping("/api/v1/screens/status")
    Mono<StatusSummary> summary(@RequestParam(required = false) @Nullable String station) {
        // one instant for the summary and every screen, by the clock that stamps the versions
        Instant effectiveBy = clock.instant().minus(versionGrace);
        return statuses.expected(effectiveBy)
                .zipWith(
                        statuses.health(station, effectiveBy, clockTolerance).collectList(),
                        (expected, screens) -> StatusSummary.of(expected.checkedAt(), expected.version(), screens));
    }

    record ServerTime(Instant serverTime) {}
}
