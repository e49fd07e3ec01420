package io.railcast.server.agent.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.railcast.server.agent.AgentProperties;
import java.time.Duration;
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
 * {@code railcast.agent.screens{state=stale|offline}}: screens by the age of their agent's last heartbeat, recounted
 * from {@code screen_status} every {@link AgentProperties.Status#refresh()} (every instance counts the same screens:
 * aggregate with max, not sum).
 */
@Component
class QuietScreens implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QuietScreens.class);

    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong offline = new AtomicLong();
    private final StatusRepository statuses;
    private final Duration refresh;
    private volatile @Nullable Disposable counting;

    QuietScreens(MeterRegistry registry, StatusRepository statuses, AgentProperties properties) {
        this.statuses = statuses;
        this.refresh = properties.status().refresh();
        Gauge.builder("railcast.agent.screens", stale, AtomicLong::get)
                .description("Screens by the age of their agent's last heartbeat")
                .tag("state", "stale")
                .register(registry);
        Gauge.builder("railcast.agent.screens", offline, AtomicLong::get)
                .description("Screens by the age of their agent's last heartbeat")
                .tag("state", "offline")
                .register(registry);
    }

    @Override
    public void start() {
        counting = Flux.interval(Duration.ZERO, refresh)
                .onBackpressureDrop()
                .concatMap(
                        tick -> statuses.countQuiet()
                                .doOnNext(quiet -> {
                                    stale.set(quiet.stale());
                                    offline.set(quiet.offline());
                                })
                                .onErrorResume(e -> {
                                    log.warn("Could not count stale screens: {}", e.toString());
                                    return Mono.empty();
                                }),
                        1)
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
}
