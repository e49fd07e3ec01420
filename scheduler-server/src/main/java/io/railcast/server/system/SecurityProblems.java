package io.railcast.server.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem details too, so that clients parse one error format; 401 asks for HTTP Basic. */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper jsonMapper;

    SecurityProblems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"RailCast\"");
        return ApiProblem.write(exchange, ApiProblem.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthenticated", "Sign in with HTTP Basic."), jsonMapper);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ApiProblem.write(exchange, ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your account may not do this."), jsonMapper);
    }

}
