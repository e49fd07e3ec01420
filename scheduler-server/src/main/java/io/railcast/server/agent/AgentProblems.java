package io.railcast.server.agent;

import io.railcast.server.system.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent chain's 401, 403 and 503 as RFC 9457 problems, like the rest of the API, with the Bearer challenge of
 * RFC 6750. The 403s the agent's handlers decide themselves are {@link ApiProblem#forbidden}.
 */
public final class AgentProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    public static final long RETRY_AFTER_SECONDS = 5;

    private final JsonMapper jsonMapper;

    AgentProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean presented = ex instanceof BadCredentialsException;
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        presented
                                ? "Bearer realm=\"RailCast agents\", error=\"invalid_token\""
                                : "Bearer realm=\"RailCast agents\"");
        return write(
                exchange,
                presented
                        ? ApiProblem.problem(
                                HttpStatus.UNAUTHORIZED,
                                "invalid-agent-token",
                                "Invalid agent token",
                                "The agent token is unknown or has been revoked.")
                        : ApiProblem.problem(
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "Unauthenticated",
                                "Send the screen's agent token as Authorization: Bearer <token>."));
    }

    /** 503 with Retry-After, as the protocol asks, when a token could not be checked (the database is away). */
    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        return write(
                exchange,
                ApiProblem.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "Service unavailable",
                        "The agent token could not be checked just now; try again in " + RETRY_AFTER_SECONDS + " s."));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(
                exchange,
                ApiProblem.problem(
                        HttpStatus.FORBIDDEN,
                        "other-screen",
                        "Another screen's data",
                        "An agent token gives access to its own screen's data only."));
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return ApiProblem.write(exchange, problem, jsonMapper);
    }
}
