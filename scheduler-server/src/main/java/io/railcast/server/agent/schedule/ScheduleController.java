package io.railcast.server.agent.schedule;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /agent/v1/schedule?hours=72}: the calling screen's schedule ({@code &plans=ids}: naming its plans
 * without their bodies, which the agent takes from {@link PlanController} when it lacks them), with an ETag of its meaning so that
 * the agent's poll is answered 304 while nothing it plays has changed, gzipped when the agent accepts it. Every
 * answer, 304 included, names the version in {@value #VERSION_HEADER}. The ETag and the gzipped body are kept once
 * built (see {@link ScheduleAnswers}), so a 304 compares a string and a 200 copies bytes.
 */
@RestController
class ScheduleController {

    static final String VERSION_HEADER = "RailCast-Schedule-Version";

    private final ScheduleService schedules;
    private final Clock clock;

    ScheduleController(ScheduleService schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping("/agent/v1/schedule")
    Mono<ResponseEntity<byte[]>> schedule(
            Principal screen,
            @RequestParam(defaultValue = "" + Horizon.DEFAULT_HOURS) int hours,
            @RequestParam(defaultValue = "bodies") String plans,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
        if (hours < 1 || hours > Horizon.MAX_HOURS) {
            return Mono.error(ApiProblem.invalid(
                    "invalid-parameter",
                    "Invalid parameter",
                    List.of(FieldProblem.of(
                            "hours", "hours must be between 1 and " + Horizon.MAX_HOURS + ", got " + hours))));
        }
        if (!plans.equals("bodies") && !plans.equals("ids")) {
            return Mono.error(ApiProblem.invalid(
                    "invalid-parameter",
                    "Invalid parameter",
                    List.of(FieldProblem.of("plans", "plans must be bodies or ids, got " + abbreviated(plans)))));
        }
        return schedules
                .schedule(screen.getName(), hours, plans.equals("bodies"), clock.instant())
                .map(answer -> {
                    String etag = '"' + answer.etag() + '"';
                    HttpHeaders headers = new HttpHeaders();
                    headers.setETag(etag);
                    headers.setCacheControl(CacheControl.noCache());
                    headers.set(VERSION_HEADER, Long.toString(answer.version()));
                    headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
                    if (matches(ifNoneMatch, etag)) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                                .headers(headers)
                                .build();
                    }
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    if (ContentEncoding.acceptsGzip(acceptEncoding)) {
                        headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
                        return ResponseEntity.ok().headers(headers).body(answer.gzip());
                    }
                    return ResponseEntity.ok().headers(headers).body(answer.plain());
                });
    }

    private static String abbreviated(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }

    /** {@code If-None-Match}: a list of (possibly weak) ETags, or {@code *}. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
