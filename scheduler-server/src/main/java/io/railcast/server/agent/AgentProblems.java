package io.railcast.server.agent;

import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent chain's 401, 403 and 503 as RFC 9457 problems, like the rest of the API, with the Bearer challenge of
 * RFC 6750; and {@link #forbidden} for the 403s the agent's handlers decide themselves.
 */
final class AgentProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final long RETRY_AFTER_SECONDS = 5;

    private final JsonMapper jsonMapper;

    AgentProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    static ErrorResponseException forbidden(String kind, String title, String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, kind, title, detail),
                null);
    }

    static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + kind));
        problem.setTitle(title);
        return problem;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean presented = ex instanceof BadCredentialsException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer realm=\"RailCast agents\", error=\"invalid_token\""
                : "Bearer realm=\"RailCast agents\"");
        return write(exchange, presented
                ? problem(HttpStatus.UNAUTHORIZED, "invalid-agent-token", "Invalid agent token",
                        "The agent token is unknown or has been revoked.")
                : problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                        "Send the screen's agent token as Authorization: Bearer <token>."));
    }

    /** 503 with Retry-After, as the protocol asks, when a token could not be checked (the database is away). */
    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        return write(exchange, problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The agent token could not be checked just now; try again in " + RETRY_AFTER_SECONDS + " s."));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, problem(HttpStatus.FORBIDDEN, "other-screen", "Another screen's data",
                "An agent token gives access to its own screen's data only."));
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
