package io.railcast.server.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reads that cost seconds of CPU or database on the full network go through one {@link ReadGate}: 200 clients
 * asking for the inventory at once made every answer of the instance wait, health checks included (median 11 s,
 * liveness 7.4 s). Beyond {@code railcast.reads.max-concurrent} computed and {@code .queue} waiting, a read is
 * answered 503 with {@code Retry-After} at once, so that probes, agents and bookings keep their turn.
 *
 * <p>Runs after Spring Security (a stranger gets 401, not a place in the queue) and after the console's forwarding
 * (order 0), so {@code /console/api/v1/...} is counted as the {@code /api/v1/...} it becomes.
 */
@Component
@EnableConfigurationProperties(ReadLimitProperties.class)
class ExpensiveReads implements WebFilter, Ordered {

    /** Whole-network reports and listings; a single screen's plan or a station's list stays ungated. */
    private static final List<PathPattern> GATED = List.of(
                    "/api/v1/inventory",
                    "/api/v1/inventory/hours",
                    "/api/v1/campaigns/{id}/delivery",
                    "/api/v1/delivery/alerts",
                    "/api/v1/reports/public-service",
                    "/api/v1/screens/status")
            .stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final ReadGate gate;
    private final ReadLimitProperties settings;
    private final JsonMapper jsonMapper;
    private final Counter refused;

    ExpensiveReads(ReadLimitProperties settings, JsonMapper jsonMapper, MeterRegistry meters) {
        this.gate = new ReadGate(settings.maxConcurrent(), settings.queue());
        this.settings = settings;
        this.jsonMapper = jsonMapper;
        this.refused = Counter.builder("railcast.reads.refused")
                .description("expensive reads answered 503 because as many were computed and waiting")
                .register(meters);
        Gauge.builder("railcast.reads.busy", gate, ReadGate::busy)
                .description("expensive reads computed or waiting on this instance")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!gated(exchange)) {
            return chain.filter(exchange);
        }
        // Neither answer completes within the call (SignInAuthentication, KEEP_ALIVE). A report is work: off the event
        // loop. A refusal is cheap and needs no worker thread: back to the request's own event loop.
        return gate.enter()
                .flatMap(entry -> entry.admitted()
                        ? chain.filter(exchange)
                                .subscribeOn(Schedulers.boundedElastic())
                                .doFinally(signal -> entry.release())
                        : Mono.deferContextual(context -> busy(exchange).subscribeOn(SignInSource.loop(context))));
    }

    /** The gate itself, for tests that fill it. */
    ReadGate gate() {
        return gate;
    }

    @Override
    public int getOrder() {
        return 1;
    }

    private static boolean gated(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return GATED.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private Mono<Void> busy(ServerWebExchange exchange) {
        refused.increment();
        long seconds = Math.max(1, settings.retryAfter().toSeconds());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = ApiProblem.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "reads-busy",
                "Server busy",
                "At most " + settings.maxConcurrent() + " reports are computed at once and " + settings.queue()
                        + " wait; retry after " + seconds + " s.");
        problem.setProperty("retryAfterSeconds", seconds);
        return ApiProblem.write(exchange, problem, jsonMapper);
    }
}
