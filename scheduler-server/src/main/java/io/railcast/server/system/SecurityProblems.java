package io.railcast.server.system;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem details too, so that clients parse one error format; 401 asks for HTTP Basic. A sign-in
 * refused by a lockout is 429 with {@code Retry-After}, and a user name no user can have is 400 naming the
 * {@code Authorization} header.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper jsonMapper;

    SecurityProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (ex instanceof SignInRefusedException refused) {
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
            ProblemDetail problem = ApiProblem.problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "sign-in-locked",
                    "Too many failed sign-ins",
                    refused.getMessage() + " Retry after " + refused.retryAfterSeconds()
                            + " s; the password was not checked.");
            problem.setProperty("retryAfterSeconds", refused.retryAfterSeconds());
            return ApiProblem.write(exchange, problem, jsonMapper);
        }
        if (ex instanceof MalformedCredentialsException) {
            ProblemDetail problem = ApiProblem.problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-credentials",
                    "Malformed credentials",
                    "Refused before sign-in: " + ex.getMessage() + ".");
            problem.setProperty("errors", List.of(FieldProblem.of(HttpHeaders.AUTHORIZATION, ex.getMessage())));
            return ApiProblem.write(exchange, problem, jsonMapper);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"RailCast\"");
        return ApiProblem.write(
                exchange,
                ApiProblem.problem(
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Sign in with HTTP Basic."),
                jsonMapper);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ApiProblem.write(
                exchange,
                ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your account may not do this."),
                jsonMapper);
    }
}
