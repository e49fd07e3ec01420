package io.railcast.server.planning;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/versions}: the published schedule versions, newest first. */
@RestController
@RequestMapping("/api/v1/versions")
class VersionController {

    /** The page a client gets without {@code limit}: the dashboard's and scripts' habit since the first release. */
    private static final int DEFAULT_LIMIT = 50;

    private final ScheduleStore store;

    VersionController(ScheduleStore store) {
        this.store = store;
    }

    /** A page of the versions, newest first; {@code screen} keeps those holding a schedule for that screen. */
    @GetMapping
    Mono<ResponseEntity<List<PublishedVersion>>> list(
            @RequestParam(required = false) @Nullable String screen,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            TextRules.checkCode("screen", screen, problems);
            PageRequest page = PageRequest.read(limit, after, DEFAULT_LIMIT, PageRequest.NUMBER, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            return PageAnswer.of(store.list(screen, page), page, version -> Long.toString(version.version()), request);
        });
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
