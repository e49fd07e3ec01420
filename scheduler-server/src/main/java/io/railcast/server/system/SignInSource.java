package io.railcast.server.system;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.util.context.ContextView;

/**
 * Puts what {@link SignInAuthentication} needs to know about a request into the Reactor context of every request
 * (Spring Security hands it only the credentials): the client's address, and the event loop of its connection.
 * Runs before the security chains. Behind a proxy the address is the proxy's unless
 * {@code server.forward-headers-strategy} trusts its {@code X-Forwarded-For}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInSource implements WebFilter {

    private static final String ADDRESS = SignInSource.class.getName() + ".address";
    private static final String LOOP = SignInSource.class.getName() + ".loop";
    static final String UNKNOWN = "unknown";

    /** One scheduler per event loop thread (a handful), made on first use. */
    private static final Map<Executor, Scheduler> LOOPS = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null
                ? UNKNOWN
                : remote.getAddress() == null
                        ? remote.getHostString()
                        : remote.getAddress().getHostAddress();
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        Scheduler loop = nativeRequest instanceof Connection connection
                ? LOOPS.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutor)
                : Schedulers.parallel();
        // every exchange is handled as a task of its own on its event loop, never within the call that read the
        // request: Reactor Netty 1.3.6 stops reading a keep-alive connection for good when a request that arrived
        // while the previous one was in flight is answered within that call (reactor/reactor-netty#4361; a 401
        // after a signed-in call on the same connection did it every time: KeepAliveIT)
        return Mono.defer(() -> chain.filter(exchange))
                .subscribeOn(loop)
                .contextWrite(context -> context.put(ADDRESS, address).put(LOOP, loop));
    }

    /** The address that {@link #filter} found for this request, or {@value #UNKNOWN}. */
    static String address(ContextView context) {
        return context.getOrDefault(ADDRESS, UNKNOWN);
    }

    /**
     * Where to signal an answer that is ready at once so that it is not signalled within the call: the request's own
     * event loop, as a task of its own (see SignInAuthentication, KEEP_ALIVE).
     */
    static Scheduler loop(ContextView context) {
        return context.getOrDefault(LOOP, Schedulers.parallel());
    }
}
