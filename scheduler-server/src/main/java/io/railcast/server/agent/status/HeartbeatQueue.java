package io.railcast.server.agent.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.R2dbcException;
import io.railcast.server.agent.AgentProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Stores heartbeats in batches (group commit): a heartbeat that arrives while no batch is being gathered or written
 * starts one, which takes whatever arrived within {@link AgentProperties.Status#linger()} (at most
 * {@link AgentProperties.Status#batchSize()}) into one upsert; whatever arrives while a batch is written goes into
 * the next, written as soon as that one has committed. One batch at a time per instance, so that 5,600 agents take
 * one database connection instead of all of them. A request is answered once the batch holding its heartbeat has
 * committed: nothing answered 200 is lost. A write that fails for one record's sake is retried in halves, so that
 * only that record's request gets 503; a write that fails because the database is away is every one of its
 * requests' 503.
 *
 * <p>At most {@link AgentProperties.Status#queueCapacity()} heartbeats wait; beyond that a heartbeat is refused at
 * once with 503 and {@code Retry-After}, which the agent honours. A request its client abandons does not take its
 * heartbeat out of the batch.
 *
 * <p>Not Reactor's {@code bufferTimeout}: in its fair-backpressure mode (the one that keeps the waiting heartbeats
 * in a bounded queue) our benchmark saw it answer nothing for 10 s with 256 clients waiting, and the other mode fails
 * when a batch falls due while the previous one is still being written. The timer and the writes are Reactor's;
 * nothing here blocks a thread.
 *
 * <p>Operations watch it through {@code railcast.agent.heartbeats.waiting} (queued now),
 * {@code railcast.agent.heartbeats.batches} (time to write a batch), {@code railcast.agent.heartbeats.batch.size}
 * and {@code railcast.agent.heartbeats.refused{reason=queue-full|not-stored}}.
 */
@Component
class HeartbeatQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatQueue.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final StatusRepository statuses;
    private final int batchSize;
    private final Duration linger;
    private final BlockingQueue<Heartbeat> waiting;
    /** A batch is being gathered (the linger runs) or written: the one writer's token. */
    private final AtomicBoolean busy = new AtomicBoolean();

    private final Timer batchWrites;
    private final DistributionSummary batchSizes;
    private final Counter refusedQueueFull;
    private final Counter refusedNotStored;
    private volatile boolean running;

    HeartbeatQueue(StatusRepository statuses, AgentProperties properties, MeterRegistry registry) {
        this.statuses = statuses;
        this.batchSize = properties.status().batchSize();
        this.linger = properties.status().linger();
        this.waiting = new ArrayBlockingQueue<>(properties.status().queueCapacity());
        Gauge.builder("railcast.agent.heartbeats.waiting", waiting, BlockingQueue::size)
                .description("Heartbeats queued on this instance for the next batch")
                .register(registry);
        this.batchWrites = Timer.builder("railcast.agent.heartbeats.batches")
                .description("Batches of heartbeats written (one upsert each)")
                .register(registry);
        this.batchSizes = DistributionSummary.builder("railcast.agent.heartbeats.batch.size")
                .description("Heartbeats per batch written")
                .register(registry);
        this.refusedQueueFull = refused(registry, "queue-full");
        this.refusedNotStored = refused(registry, "not-stored");
    }

    private static Counter refused(MeterRegistry registry, String reason) {
        return Counter.builder("railcast.agent.heartbeats.refused")
                .description("Heartbeats answered 503: the queue was full, or their batch could not be written")
                .tag("reason", reason)
                .register(registry);
    }

    /** Completes once the heartbeat is stored; fails with a {@link HeartbeatRefusal} otherwise. */
    Mono<Void> store(String screenId, StatusReport report) {
        return Mono.defer(() -> {
            if (!running) {
                return Mono.error(new HeartbeatRefusal.ServerStopping());
            }
            Heartbeat heartbeat = new Heartbeat(screenId, report, Sinks.one());
            if (!waiting.offer(heartbeat)) {
                refusedQueueFull.increment();
                return Mono.error(new HeartbeatRefusal.QueueFull());
            }
            startBatch(linger);
            return heartbeat.stored().asMono();
        });
    }

    /** Starts gathering a batch after {@code delay} unless one is under way (which takes this one's heartbeats). */
    private void startBatch(Duration delay) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        Mono<Long> wait = delay.isZero() ? Mono.just(0L) : Mono.delay(delay);
        wait.then(Mono.defer(() -> {
                    List<Heartbeat> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
                    waiting.drainTo(batch, batchSize);
                    return batch.isEmpty() ? Mono.<Void>empty() : write(batch);
                }))
                .doFinally(signal -> {
                    busy.set(false);
                    // whatever arrived meanwhile has waited long enough: written at once
                    if (!waiting.isEmpty()) {
                        startBatch(Duration.ZERO);
                    }
                })
                .subscribe(null, failure -> log.error("Heartbeat batch failed unexpectedly", failure));
    }

    private Mono<Void> write(List<Heartbeat> batch) {
        batchSizes.record(batch.size());
        Timer.Sample writing = Timer.start();
        return save(batch).doFinally(signal -> writing.stop(batchWrites));
    }

    /**
     * Writes {@code batch} in one statement. When the statement fails for something in the data rather than the
     * database being away, one record may be to blame (the controller checks every field, but the database may
     * refuse what we did not foresee): the batch is written again in halves, down to single records, so that a
     * bad record fails itself alone and never another screen's heartbeat. Halves keep the arrival order, so a
     * screen twice in the batch still ends with its later report. A database that is away fails the whole batch at
     * once: retrying it in pieces would only wait longer for the same answer.
     */
    private Mono<Void> save(List<Heartbeat> batch) {
        // one row per screen, its latest report: an upsert may not touch a row twice; in a fixed order, so that two
        // instances' batches lock shared rows alike and cannot deadlock
        Map<String, StatusReport> latest = new TreeMap<>();
        batch.forEach(heartbeat -> latest.put(heartbeat.screenId(), heartbeat.report()));
        return Mono.defer(() -> statuses.saveAll(latest))
                .doOnNext(stored -> batch.forEach(heartbeat -> {
                    if (stored.contains(heartbeat.screenId())) {
                        heartbeat.stored().tryEmitEmpty();
                    } else {
                        heartbeat.stored().tryEmitError(new HeartbeatRefusal.UnknownScreen(heartbeat.screenId()));
                    }
                }))
                .then()
                .onErrorResume(failure -> {
                    if (batch.size() > 1 && statementRefused(failure)) {
                        int half = batch.size() / 2;
                        return save(batch.subList(0, half)).then(save(batch.subList(half, batch.size())));
                    }
                    log.warn(
                            "Could not store {} heartbeat(s), {} first: {}",
                            batch.size(),
                            batch.get(0).screenId(),
                            NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    refusedNotStored.increment(batch.size());
                    batch.forEach(heartbeat -> heartbeat.stored().tryEmitError(new HeartbeatRefusal.NotStored()));
                    return Mono.empty();
                });
    }

    /**
     * Whether the database answered the statement with an error of the statement itself (bad data, a constraint, a
     * trigger: some record may be to blame) rather than of the database (connection lost, shutting down, out of
     * resources: SQLSTATE classes 08, 53, 57, 58) or no answer at all (a timeout, no connection).
     */
    private static boolean statementRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException sql
                    && sql.getSqlState() != null
                    && sql.getSqlState().length() == 5) {
                return !List.of("08", "53", "57", "58")
                        .contains(sql.getSqlState().substring(0, 2));
            }
        }
        return false;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stores what is still queued (the web server has stopped taking requests by now), then calls back. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        startBatch(Duration.ZERO);
        Flux.interval(Duration.ofMillis(10))
                .filter(tick -> waiting.isEmpty() && !busy.get())
                .next()
                .timeout(DRAIN_TIMEOUT)
                .onErrorResume(e -> {
                    log.warn("{} heartbeats still queued after {}; not stored", waiting.size(), DRAIN_TIMEOUT);
                    return Mono.empty();
                })
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phases: started before it takes requests, stopped after its graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    record Heartbeat(String screenId, StatusReport report, Sinks.One<Void> stored) {}
}
