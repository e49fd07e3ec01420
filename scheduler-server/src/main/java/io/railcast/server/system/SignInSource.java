package io.railcast.server.system;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Puts the client's address into the Reactor context of every request, where {@link SignInAuthentication} (which
 * Spring Security hands only the credentials) finds it. Runs before the security chains. Behind a proxy the address
 * is the proxy's unless {@code server.forward-headers-strategy} trusts its {@code X-Forwarded-For}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInSource implements WebFilter {

    private static final String KEY = SignInSource.class.getName();
    static final String UNKNOWN = "unknown";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null ? UNKNOWN
                : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, address));
    }

    /** The address that {@link #filter} found for this request, or {@value #UNKNOWN}. */
    static String address(ContextView context) {
        return context.getOrDefault(KEY, UNKNOWN);
    }
}
