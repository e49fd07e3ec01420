package io.railcast.server.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What operations watch of the agents' traffic: {@code railcast.agent.connected} (event streams held by this
 * instance), {@code railcast.agent.plays{outcome=accepted|duplicate|rejected}} and
 * {@code railcast.agent.schedule.builds}: the time spent making schedule answers (JSON, gzip, digest), once per
 * screen, version and horizon — what a publication costs before its screens have switched. Screens by the age of
 * their last heartbeat, and the heartbeat queue's own meters, are the status feature's.
 */
@Component
public class AgentMetrics {

    private final AtomicInteger connected = new AtomicInteger();
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;
    private final Timer answerBuilds;

    AgentMetrics(MeterRegistry registry) {
        Gauge.builder("railcast.agent.connected", connected, AtomicInteger::get)
                .description("Agents holding an events stream on this instance")
                .register(registry);
        this.accepted = plays(registry, "accepted");
        this.duplicates = plays(registry, "duplicate");
        this.rejected = plays(registry, "rejected");
        this.answerBuilds = Timer.builder("railcast.agent.schedule.builds")
                .description("Schedule answers made (kept answers served again are not counted)")
                .register(registry);
    }

    /** Event streams held open on this instance: counted up when one opens, down when it ends. */
    public AtomicInteger connected() {
        return connected;
    }

    /** Times the making of one schedule answer. */
    public Timer answerBuilds() {
        return answerBuilds;
    }

    /** Counts a batch of proof-of-play records by outcome. */
    public void plays(int acceptedCount, int duplicateCount, int rejectedCount) {
        accepted.increment(acceptedCount);
        duplicates.increment(duplicateCount);
        rejected.increment(rejectedCount);
    }

    private static Counter plays(MeterRegistry registry, String outcome) {
        return Counter.builder("railcast.agent.plays")
                .description("Proof-of-play records received from agents, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
