package io.railcast.server.takeover;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/takeovers}: start one ({@code POST}, 201), list those not over and the recent others, read one
 * with the plays it displaced, and cancel one ({@code POST …/cancel} or {@code DELETE}). Operators, the CSR team and
 * administrators may start and cancel (see the security configuration); everyone signed in may read.
 */
@RestController
class TakeoverController {

    private final TakeoverService service;
    private final TakeoverProperties properties;
    private final Clock clock;

    TakeoverController(TakeoverService service, TakeoverProperties properties, Clock clock) {
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/takeovers", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TakeoverView>> start(@RequestBody TakeoverRequest request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            TakeoverRequest.NewTakeover checked = request.check(clock.instant(), properties.maxLength(), problems);
            if (checked == null) {
                return Mono.error(ApiProblem.invalid("invalid-takeover", "Invalid takeover", problems));
            }
            return service.start(checked)
                    .map(view -> ResponseEntity.created(URI.create("/api/v1/takeovers/" + view.id()))
                            .body(view));
        });
    }

    @GetMapping("/api/v1/takeovers")
    Mono<List<TakeoverView>> list() {
        return service.recent().collectList();
    }

    @GetMapping("/api/v1/takeovers/{id}")
    Mono<TakeoverView> one(@PathVariable String id) {
        return Mono.defer(() -> service.find(uuid(id)));
    }

    @PostMapping("/api/v1/takeovers/{id}/cancel")
    Mono<TakeoverView> cancel(@PathVariable String id) {
        return Mono.defer(() -> service.cancel(uuid(id)));
    }

    @DeleteMapping("/api/v1/takeovers/{id}")
    Mono<TakeoverView> delete(@PathVariable String id) {
        return cancel(id);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no-such-takeover", "No such takeover", "no takeover has id " + id);
        }
    }
}
