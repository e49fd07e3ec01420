package io.railcast.bench.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * N virtual agents in one JVM against one server ({@link VirtualAgent}), sharing one HTTP client, a few timer
 * threads and a small pool for parsing schedules. Start it, watch it, close it: closing stops every agent and
 * uploads the plays they still hold.
 */
final class Fleet implements AutoCloseable {

    private final Map<String, VirtualAgent> agents = new LinkedHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final FleetContext context;
    private final ScheduledExecutorService timers;
    private final ExecutorService work;
    private final ExecutorService httpThreads;

    /** One entry per screen: its id and its agent token. */
    record Credentials(String screenId, String token) {}

    Fleet(
            URI base,
            List<Credentials> screens,
            int hours,
            Duration playsEvery,
            Duration statusEvery,
            double repeatShare) {
        this.timers = Executors.newScheduledThreadPool(2, daemon("fleet-timer"));
        this.work = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("fleet-work"));
        this.httpThreads = Executors.newFixedThreadPool(4, daemon("fleet-http"));
        this.context = new FleetContext(
                base,
                client(httpThreads),
                client(httpThreads),
                new RequestGate(64, VirtualAgent.FETCH_DEADLINE),
                new RequestGate(32, VirtualAgent.UPLOAD_DEADLINE),
                new MediaLibrary(VirtualAgent.FETCH_DEADLINE),
                new PlanLibrary(),
                new PlayTally(),
                new FleetCounters(),
                timers,
                work,
                hours,
                playsEvery,
                statusEvery,
                repeatShare);
        for (Credentials screen : screens) {
            agents.put(screen.screenId(), new VirtualAgent(screen.screenId(), screen.token(), context));
        }
    }

    /** Starts the agents evenly over {@code ramp}, as screens coming on in the morning rather than all at once. */
    void start(Duration ramp) {
        List<VirtualAgent> all = new ArrayList<>(agents.values());
        long step = all.isEmpty() ? 0 : ramp.toNanos() / all.size();
        for (int i = 0; i < all.size(); i++) {
            timers.schedule(all.get(i)::start, step * i, TimeUnit.NANOSECONDS);
        }
    }

    int size() {
        return agents.size();
    }

    VirtualAgent agent(String screenId) {
        return agents.get(screenId);
    }

    Collection<VirtualAgent> agentsView() {
        return agents.values();
    }

    /** How many agents have adopted {@code version} or a newer one. */
    long adopted(long version) {
        return agents.values().stream()
                .filter(agent -> agent.version() >= version)
                .count();
    }

    /** The newest version any agent has adopted. */
    long newestVersion() {
        return agents.values().stream().mapToLong(VirtualAgent::version).max().orElse(0);
    }

    FleetContext context() {
        return context;
    }

    /** How many agents have a schedule fetch under way (waiting for its turn, its answer or its media). */
    long fetching() {
        return agents.values().stream().filter(VirtualAgent::fetching).count();
    }

    /** One line for the progress log: the protocol's traffic, and where the fetches under way are. */
    String progress() {
        return context.counters().summary() + "; fetching: " + fetching() + " ("
                + context.fetches().waiting()
                + " waiting their turn), uploads waiting: " + context.uploads().waiting() + ", media failures: "
                + context.media().failures();
    }

    long pendingPlays() {
        return agents.values().stream().mapToLong(VirtualAgent::pendingPlays).sum();
    }

    /** {@link #stop}, if it has not run yet. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Stops every agent, then uploads what they still hold, a few rounds at most (a play the server did not answer
     * for stays pending and is counted so), and shuts the fleet's threads down. Only the first call does anything.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        agents.values().forEach(VirtualAgent::stop);
        for (int round = 0; round < 5 && pendingPlays() > 0; round++) {
            CompletableFuture.allOf(agents.values().stream()
                            .map(VirtualAgent::uploadPlays)
                            .toArray(CompletableFuture[]::new))
                    .orTimeout(120, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
        timers.shutdownNow();
        work.shutdownNow();
        httpThreads.shutdownNow();
    }

    private static HttpClient client(ExecutorService threads) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the protocol's; no h2c upgrade attempts
                .connectTimeout(Duration.ofSeconds(10))
                .executor(threads)
                .build();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
