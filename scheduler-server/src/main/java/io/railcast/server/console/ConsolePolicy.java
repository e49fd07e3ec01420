package io.railcast.server.console;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * A strict Content-Security-Policy on every console response: scripts, styles, data and frames only from the
 * console's own origin, no plug-ins, no inline scripts, and no framing by other sites. The pages never build HTML
 * from data unescaped; should one ever slip, what it injects cannot run. Inline style attributes stay allowed: the
 * charts and a few inputs size themselves with them, and a style cannot run code.
 */
@Component
class ConsolePolicy implements WebFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private static final PathPattern CONSOLE = PathPatternParser.defaultInstance.parse("/console/**");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (CONSOLE.matches(path)) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", POLICY);
        }
        return chain.filter(exchange);
    }
}
