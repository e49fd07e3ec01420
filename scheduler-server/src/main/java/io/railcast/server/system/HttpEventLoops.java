package io.railcast.server.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP server's event loops, with the listening socket on a loop of its own. By default Reactor Netty puts it on
 * one of the loops that also serve connections, and Netty 4.2 accepts one waiting connection per pass of that loop:
 * under 264 busy keep-alive clients ({@code scripts/bench-server --abuse}) the kernel's accept queue held 220
 * connections and drained at about 26 a second, so a health probe or a planner opening a new connection waited
 * 10-15 s before its request was even read. A loop that does nothing but accept takes them as fast as they come.
 * The serving loops are as many as before. The loops belong to this application context (not the JVM-wide
 * defaults), so a context that stops disposes its own loops and no other server's.
 */
@Configuration(proxyBeanMethods = false)
class HttpEventLoops {

    static final String PREFIX = "railcast-http";

    @Bean
    ReactorResourceFactory httpResources() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setLoopResourcesSupplier(
                () -> LoopResources.create(PREFIX, 1, LoopResources.DEFAULT_IO_WORKER_COUNT, true));
        return resources;
    }
}
