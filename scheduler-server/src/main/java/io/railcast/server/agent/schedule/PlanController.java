package io.railcast.server.agent.schedule;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /agent/v1/plans/{id}}: one hour plan, as {@code plans[id]} of a schedule answer. A plan id is the
 * digest of the plan's content, so the answer never changes: it is marked immutable for a year, and any HTTP cache in
 * front of the servers may keep it and answer every screen that names it (docs/agent-protocol.md).
 */
@RestController
class PlanController {

    /** Plan ids are lower-case hex digests; anything else is not an id, whatever is stored. */
    private static final Pattern PLAN_ID = Pattern.compile("[0-9a-f]{1,64}");

    private static final CacheControl FOREVER =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final PlanCache plans;

    PlanController(PlanCache plans) {
        this.plans = plans;
    }

    @GetMapping("/agent/v1/plans/{id}")
    Mono<ResponseEntity<byte[]>> plan(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
        if (!PLAN_ID.matcher(id).matches()) {
            return Mono.error(ApiProblem.invalid(
                    "invalid-parameter",
                    "Invalid parameter",
                    List.of(FieldProblem.of("id", "a plan id is 1 to 64 lower-case hex digits"))));
        }
        return plans.find(id)
                .switchIfEmpty(Mono.error(() -> new ScheduleRefusal.NoPlan(id)))
                .map(plan -> {
                    HttpHeaders headers = new HttpHeaders();
                    String etag = '"' + id + '"';
                    headers.setETag(etag);
                    headers.setCacheControl(FOREVER);
                    headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
                    if (ScheduleController.matches(ifNoneMatch, etag)) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                                .headers(headers)
                                .build();
                    }
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    byte[] gzip = plan.gzip();
                    if (ContentEncoding.acceptsGzip(acceptEncoding)) {
                        headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
                        return ResponseEntity.ok().headers(headers).body(gzip);
                    }
                    return ResponseEntity.ok().headers(headers).body(ScheduleAnswer.gunzip(gzip));
                });
    }
}
