package io.railcast.server.planning;

import io.railcast.server.system.ApiProblem;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/plans/replan}: start a full re-plan now ({@code POST}, administrators; 202 at once, 409 while one
 * has not ended) and follow it ({@code GET}: the latest one asked for on this instance, 404 before any). Its
 * progress is also streamed by {@code /api/v1/plans/events} under its reason.
 */
@RestController
@RequestMapping("/api/v1/plans/replan")
class ReplanController {

    private static final URI HERE = URI.create("/api/v1/plans/replan");

    private final Replans replans;

    ReplanController(Replans replans) {
        this.replans = replans;
    }

    @PostMapping
    Mono<ResponseEntity<ReplanRun>> start(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("?")
                .map(user -> ResponseEntity.accepted().location(HERE).body(replans.start(user)));
    }

    @GetMapping
    Mono<ReplanRun> latest() {
        return Mono.fromSupplier(replans::latest)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(
                        "no-replan", "No re-plan", "No re-plan was asked for on this instance since it started.")));
    }
}
