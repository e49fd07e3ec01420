package io.railcast.server.console;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands {@code /console/api/v1/...} to the API's own handlers as {@code /api/v1/...}, once the console's security
 * chain has let it through: the console uses the one API, signed in by its session instead of HTTP Basic. Runs
 * after Spring Security's filter (order -100), so the path the API chain guards is never reached this way
 * unauthenticated.
 */
@Component
class ConsoleApiForwarding implements WebFilter, Ordered {

    static final String PREFIX = "/console/api/v1/";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        String apiPath = "/api/v1/" + path.substring(PREFIX.length());
        return chain.filter(
                exchange.mutate().request(request -> request.path(apiPath)).build());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
