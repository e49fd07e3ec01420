package io.railcast.server.agent;

import io.railcast.server.system.ApiProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.Sinks.EmitResult;

/**
 * Stores heartbeats in batches: the heartbeats that arrive together (up to {@link AgentProperties.Status#batchSize()},
 * or whatever arrived within {@link AgentProperties.Status#linger()} of the first) become one upsert, one batch at a
 * time per instance, so that 5,600 agents take one database connection instead of all of them. A request is answered
 * once the batch holding its heartbeat has committed, with that batch's outcome: nothing answered 200 is lost, and a
 * failed write is every one of its requests' 503.
 *
 * <p>At most {@link AgentProperties.Status#queueCapacity()} heartbeats wait in the queue, and up to four batches'
 * worth more are taken out of it by Reactor's {@code bufferTimeout} (its fair mode prefetches four batches); beyond
 * that a heartbeat is refused at once with 503 and {@code Retry-After}, which the agent honours. A request its client abandons does not
 * take its heartbeat out of the batch.
 */
@Component
class HeartbeatQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatQueue.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final StatusRepository statuses;
    private final int batchSize;
    private final Duration linger;
    private final Sinks.Many<Heartbeat> queue;
    private final Sinks.Empty<Void> drained = Sinks.empty();
    private volatile @Nullable Disposable writing;

    HeartbeatQueue(StatusRepository statuses, AgentProperties properties) {
        this.statuses = statuses;
        this.batchSize = properties.status().batchSize();
        this.linger = properties.status().linger();
        this.queue = Sinks.many().unicast()
                .onBackpressureBuffer(new ArrayBlockingQueue<>(properties.status().queueCapacity()));
    }

    /** Completes once the heartbeat is stored; fails with a 503 or 404 {@link ApiProblem} otherwise. */
    Mono<Void> store(String screenId, StatusReport report) {
        return Mono.defer(() -> {
            Heartbeat heartbeat = new Heartbeat(screenId, report, Sinks.one());
            EmitResult result;
            do {
                // another request thread is emitting this very moment: its emission takes microseconds
                result = queue.tryEmitNext(heartbeat);
            } while (result == EmitResult.FAIL_NON_SERIALIZED);
            if (result.isSuccess()) {
                return heartbeat.stored().asMono();
            }
            return Mono.error(result == EmitResult.FAIL_OVERFLOW
                    ? unavailable("heartbeats-queue-full", "Too many heartbeats waiting",
                            "Too many heartbeats are waiting to be stored")
                    : unavailable("server-stopping", "Server stopping", "The server is stopping"));
        });
    }

    private Mono<Void> write(List<Heartbeat> batch) {
        // one row per screen, its latest report: an upsert may not touch a row twice; in a fixed order, so that two
        // instances' batches lock shared rows alike and cannot deadlock
        Map<String, StatusReport> latest = new TreeMap<>();
        batch.forEach(heartbeat -> latest.put(heartbeat.screenId(), heartbeat.report()));
        return Mono.defer(() -> statuses.saveAll(latest))
                .doOnNext(stored -> batch.forEach(heartbeat -> {
                    if (stored.contains(heartbeat.screenId())) {
                        heartbeat.stored().tryEmitEmpty();
                    } else {
                        heartbeat.stored().tryEmitError(ApiProblem.notFound("unknown-screen", "Unknown screen",
                                "Screen " + heartbeat.screenId() + " is not in the network (any more); its heartbeat"
                                        + " was not stored."));
                    }
                }))
                .then()
                .onErrorResume(failure -> {
                    log.warn("Could not store a batch of {} heartbeats: {}", batch.size(),
                            NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    batch.forEach(heartbeat -> heartbeat.stored().tryEmitError(unavailable("heartbeat-not-stored",
                            "Heartbeat not stored", "The heartbeat could not be stored")));
                    return Mono.empty();
                });
    }

    /** One per request: the problem's body is completed with each request's own path. */
    private static ApiProblem unavailable(String kind, String title, String why) {
        ApiProblem problem = ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, kind, title,
                why + "; try again in " + AgentProblems.RETRY_AFTER_SECONDS + " s.", Map.of());
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(AgentProblems.RETRY_AFTER_SECONDS));
        return problem;
    }

    @Override
    public void start() {
        writing = queue.asFlux()
                // fair: takes no more from the queue than four batches while one is written, so that what waits stays
                // in the bounded queue
                .bufferTimeout(batchSize, linger, true)
                .concatMap(this::write, 0)
                .doFinally(signal -> drained.tryEmitEmpty())
                .subscribe();
    }

    /** Stores what is still queued (the web server has stopped taking requests by now), then calls back. */
    @Override
    public void stop(Runnable callback) {
        Disposable current = writing;
        writing = null;
        if (current == null) {
            callback.run();
            return;
        }
        queue.tryEmitComplete();
        drained.asMono()
                .timeout(DRAIN_TIMEOUT)
                .onErrorResume(e -> {
                    log.warn("Heartbeats still queued after {}; dropped", DRAIN_TIMEOUT);
                    current.dispose();
                    return Mono.empty();
                })
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return writing != null;
    }

    /** Below the web server's phases: started before it takes requests, stopped after its graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    record Heartbeat(String screenId, StatusReport report, Sinks.One<Void> stored) {
    }
}
