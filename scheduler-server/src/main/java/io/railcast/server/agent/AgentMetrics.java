package io.railcast.server.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What operations watch of the agents: {@code railcast.agent.connected} (event streams held by this instance),
 * {@code railcast.agent.plays{outcome=accepted|duplicate|rejected}} and
 * {@code railcast.agent.screens{state=stale|offline}}, recounted from {@code screen_status} every
 * {@link AgentProperties.Status#refresh()} (every instance counts the same screens: aggregate with max, not sum),
 * and {@code railcast.agent.schedule.builds}: the time spent making schedule answers (JSON, gzip,
 * digest), once per screen, version and horizon — what a publication costs before its screens have switched.
 * The heartbeat queue's own are {@link HeartbeatQueue}'s.
 */
@Component
class AgentMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentMetrics.class);

    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong offline = new AtomicLong();
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;
    private final Timer answerBuilds;
    private final StatusRepository statuses;
    private final Duration refresh;
    private volatile @Nullable Disposable counting;

    AgentMetrics(MeterRegistry registry, StatusRepository statuses, AgentProperties properties) {
        this.statuses = statuses;
        this.refresh = properties.status().refresh();
        Gauge.builder("railcast.agent.connected", connected, AtomicInteger::get)
                .description("Agents holding an events stream on this instance")
                .register(registry);
        Gauge.builder("railcast.agent.screens", stale, AtomicLong::get)
                .description("Screens by the age of their agent's last heartbeat").tag("state", "stale")
                .register(registry);
        Gauge.builder("railcast.agent.screens", offline, AtomicLong::get)
                .description("Screens by the age of their agent's last heartbeat").tag("state", "offline")
                .register(registry);
        this.accepted = plays(registry, "accepted");
        this.duplicates = plays(registry, "duplicate");
        this.rejected = plays(registry, "rejected");
        this.answerBuilds = Timer.builder("railcast.agent.schedule.builds")
                .description("Schedule answers made (kept answers served again are not counted)")
                .register(registry);
    }

    AtomicInteger connected() {
        return connected;
    }

    /** Times the making of one schedule answer. */
    Timer answerBuilds() {
        return answerBuilds;
    }

    void plays(int acceptedCount, int duplicateCount, int rejectedCount) {
        accepted.increment(acceptedCount);
        duplicates.increment(duplicateCount);
        rejected.increment(rejectedCount);
    }

    @Override
    public void start() {
        counting = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> statuses.countQuiet()
                        .doOnNext(quiet -> {
                            stale.set(quiet.stale());
                            offline.set(quiet.offline());
                        })
                        .onErrorResume(e -> {
                            log.warn("Could not count stale screens: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = counting;
        if (current != null) {
            current.dispose();
        }
        counting = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = counting;
        return current != null && !current.isDisposed();
    }

    private static Counter plays(MeterRegistry registry, String outcome) {
        return Counter.builder("railcast.agent.plays")
                .description("Proof-of-play records received from agents, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
