package io.railcast.server.planning;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/v1/versions}: the published schedule versions, newest first. */
@RestController
@RequestMapping("/api/v1/versions")
class VersionController {

    private static final int MAX_LIMIT = 1000;

    private final ScheduleStore store;

    VersionController(ScheduleStore store) {
        this.store = store;
    }

    @GetMapping
    Flux<PublishedVersion> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Flux.error(ApiProblem.invalid(
                    "invalid-filter",
                    "Invalid filter",
                    List.of(FieldProblem.of("limit", "limit must be 1-" + MAX_LIMIT + ", got " + limit))));
        }
        return store.list(limit);
    }

    /** The version published last; 404 before the first. */
    @GetMapping("/current")
    Mono<PublishedVersion> current() {
        return store.latest()
                .switchIfEmpty(Mono.error(() ->
                        ApiProblem.notFound("no-version", "No version", "No schedule version is published yet.")));
    }

    @GetMapping("/{version:\\d+}")
    Mono<PublishedVersion> get(@PathVariable long version) {
        return store.find(version)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(
                        "unknown-version", "Unknown version", "No schedule version " + version + " is published.")));
    }
}
