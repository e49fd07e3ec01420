package io.railcast.bench.fleet;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The fleet simulator as other benchmarks drive it ({@code io.railcast.bench.chaos}): virtual agents, one per screen
 * token, against one origin, and what they did. The agents stay this package's.
 */
public final class AgentFleet implements AutoCloseable {

    private final Fleet fleet;

    /** One agent per entry of {@code tokens} (screen id → agent token); each uploads its plays {@code playsEvery}. */
    public AgentFleet(URI server, Map<String, String> tokens, Duration playsEvery) {
        this.fleet = new Fleet(
                server,
                tokens.entrySet().stream()
                        .map(entry -> new Fleet.Credentials(entry.getKey(), entry.getValue()))
                        .toList(),
                72,
                playsEvery,
                Duration.ofSeconds(60),
                0.05);
    }

    /** Starts the agents evenly over {@code ramp}. */
    public void start(Duration ramp) {
        fleet.start(ramp);
    }

    public int size() {
        return fleet.size();
    }

    /** How many agents have adopted {@code version} or a newer one. */
    public long adopted(long version) {
        return fleet.adopted(version);
    }

    /** Whether every one of {@code screens} (those of the fleet; others are ignored) has adopted {@code version}. */
    public boolean adopted(Collection<String> screens, long version) {
        return screens.stream()
                .map(fleet::agent)
                .filter(agent -> agent != null)
                .allMatch(agent -> agent.adoptedAt(version) >= 0);
    }

    /** How many agents have nothing to play at {@code now} (no schedule, or its horizon ran out). */
    public long dark(Instant now) {
        return fleet.agentsView().stream()
                .filter(agent -> agent.adopted() == null || !agent.adopted().onAir(now))
                .count();
    }

    /** Ids of the plays the server acknowledged (accepted or duplicate): each must be stored once. */
    public Set<String> acknowledgedPlays() {
        return fleet.context().plays().acknowledged();
    }

    /** Records sent for the first time, over every agent. */
    public long playsSent() {
        return fleet.context().plays().sent();
    }

    /** Plays journaled and not yet acknowledged. */
    public long pendingPlays() {
        return fleet.pendingPlays();
    }

    /** Plays the server answered as rejected. */
    public long playsRejected() {
        return fleet.context().plays().rejected();
    }

    public String progress() {
        return fleet.progress();
    }

    /** Stops the agents and uploads what they still hold (a few rounds at most). */
    public void stop() {
        fleet.stop();
    }

    /** {@link #stop}, if it has not run yet. */
    @Override
    public void close() {
        fleet.stop();
    }
}
