package io.railcast.server.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error a client caused, answered as an RFC 9457 problem ({@code application/problem+json}). Its {@code type}
 * is a relative URI under {@code /problems/} naming the kind of problem; {@code errors} lists the fields at fault.
 *
 * <p>Thrown (or signalled) by controllers and web-edge helpers, rendered by Spring's problem-detail handling; the
 * features' services raise refusals of their own, which each feature's advice answers as one of these.
 */
public final class ApiProblem extends ErrorResponseException {
    private static final long serialVersionUID = 1L;

    /** At most this many field problems are listed; the detail says how many there were. */
    public static final int MAX_LISTED = 100;

    private ApiProblem(HttpStatus status, ProblemDetail body) {
        super(status, body, null);
    }

    /** 400: the request is understood but its content is wrong. */
    public static ApiProblem invalid(String kind, String title, List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).message()
                : errors.size() + " problems"
                        + (errors.size() > MAX_LISTED ? "; the first " + MAX_LISTED + " are listed" : "");
        return withErrors(HttpStatus.BAD_REQUEST, kind, title, detail, errors);
    }

    /** 404: nothing is known under that name. */
    public static ApiProblem notFound(String kind, String title, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, kind, title, detail));
    }

    /** 409: the request clashes with what is stored, e.g. a key that exists already. */
    public static ApiProblem conflict(String kind, String title, String detail, List<FieldProblem> errors) {
        return withErrors(HttpStatus.CONFLICT, kind, title, detail, errors);
    }

    /** 403: the caller is signed in but may not do this particular thing (checked by a feature, not by a URL). */
    public static ApiProblem forbidden(String kind, String title, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, kind, title, detail));
    }

    /**
     * Any status, with further members of the problem object ({@code properties}, in order) beside the standard
     * ones, e.g. the shortfalls of a booking that does not fit.
     */
    public static ApiProblem of(
            HttpStatus status, String kind, String title, String detail, Map<String, ?> properties) {
        ProblemDetail problem = problem(status, kind, title, detail);
        properties.forEach(problem::setProperty);
        return new ApiProblem(status, problem);
    }

    /** {@link #of} with the fields at fault under {@code errors}, as 400 answers have them. */
    public static ApiProblem withFields(
            HttpStatus status, String kind, String title, String detail, List<FieldProblem> errors) {
        return withErrors(status, kind, title, detail, errors);
    }

    /**
     * This problem as a handler's answer, with its status, headers and {@code application/problem+json}: for the
     * features' exception advice, which answer their domain refusals with it.
     */
    public ResponseEntity<ProblemDetail> toResponse() {
        return ResponseEntity.status(getStatusCode())
                .headers(getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(getBody());
    }

    /** The problem object itself, for answers written outside a handler (security chains). */
    public static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + kind));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Writes {@code problem} as the whole response, with its status and {@code application/problem+json}: for the
     * security chains' 401/403/503, which answer before any handler runs.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, JsonMapper jsonMapper) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    private static ApiProblem withErrors(
            HttpStatus status, String kind, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = problem(status, kind, title, detail);
        problem.setProperty("errors", List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_LISTED))));
        return new ApiProblem(status, problem);
    }
}
