package io.railcast.server.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/audit}: the history of changes, newest first, for administrators and operators (the security
 * chain admits no one else). Filters {@code object} (a type, or {@code type:id}), {@code user}, {@code from} and
 * {@code to} (instants; from inclusive, to exclusive); pages of {@code limit} records (100, at most 1,000), the next
 * one linked by {@code Link: <…>; rel="next"}.
 */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit")
    Mono<ResponseEntity<List<AuditRecord>>> list(
            @RequestParam(required = false) @Nullable String object,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.fromCallable(() -> AuditQuery.of(object, user, from, to, limit, after))
                .flatMap(trail::find)
                .map(page -> page.toResponse(request));
    }
}
