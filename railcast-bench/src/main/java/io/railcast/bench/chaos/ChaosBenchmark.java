package io.railcast.bench.chaos;

import io.railcast.bench.fleet.AdminApi;
import io.railcast.bench.fleet.AgentFleet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chaos benchmark behind {@code scripts/bench-chaos} (docs/benchmarks.md): starts a PostgreSQL and one or two
 * servers on it, a fleet of virtual agents behind a {@link TcpProxy}, and a {@link BookingStream}; injects each fault
 * {@code --repeat} times, one at a time; after each, measures the recovery and audits bookings, versions, plays and
 * darkness ({@link Ledger}); prints a table and a final one-line JSON object.
 */
public final class ChaosBenchmark {

    private ChaosBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(ChaosOptions.USAGE);
            return;
        }
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ChaosOptions.USAGE);
            System.exit(2);
            return;
        }
        run(options);
    }

    static void run(ChaosOptions options) throws Exception {
        List<ServerProcess> servers = new ArrayList<>();
        for (int i = 0; i < options.servers(); i++) {
            servers.add(new ServerProcess("server-" + (char) ('a' + i), options, options.port() + i));
        }
        RealAgents realAgents = new RealAgents();
        try (Postgres postgres = new Postgres(options.dir(), options.pgPort())) {
            // an interrupted run (Ctrl-C, the script's trap) leaves no server, agent, tmpfs or database behind
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                realAgents.close();
                servers.forEach(ServerProcess::close);
                try {
                    postgres.shutdown();
                } catch (IOException e) {
                    // stopped already
                }
            }));
            postgres.create();
            log("PostgreSQL on port " + options.pgPort() + "; starting " + servers.size() + " server(s)");
            try {
                openAroundTheClock(servers.get(0), postgres);
                for (ServerProcess server : servers) {
                    server.start();
                    server.awaitReady(Duration.ofMinutes(15));
                    log(server.name() + " ready on port " + server.port());
                }
                measure(options, servers, postgres, realAgents);
            } finally {
                realAgents.close();
                for (ServerProcess server : servers) {
                    server.close();
                }
            }
        }
    }

    /**
     * The demo's stations close from 00:30 to 05:30 in Shanghai, when no screen plays and no play is journaled: the
     * first server loads the demo and is stopped, every station is opened all day in the database (opens = closes),
     * and the servers then plan that at their start, so that a run at any hour has plays to account for.
     */
    private static void openAroundTheClock(ServerProcess first, Postgres postgres) throws Exception {
        first.start();
        first.awaitReady(Duration.ofMinutes(15));
        first.close();
        postgres.query("update station set closes = opens");
        log("demo loaded; every station opened all day");
    }

    private static void measure(
            ChaosOptions options, List<ServerProcess> servers, Postgres postgres, RealAgents realAgents)
            throws Exception {
        AdminApi api = new AdminApi(servers.get(0).origin());
        Map<String, String> stationOf = new LinkedHashMap<>();
        for (Map<String, Object> screen : api.list(options.admin(), "/api/v1/screens")) {
            stationOf.put((String) screen.get("id"), (String) screen.get("station"));
        }
        List<String> screens = spread(new ArrayList<>(stationOf.keySet()), options.agents());
        Map<String, List<String>> screensByStation = screens.stream()
                .collect(Collectors.groupingBy(stationOf::get, LinkedHashMap::new, Collectors.toList()));
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        String creative = "CHAOS-" + run;
        api.uploadCreative(options.planner(), creative, 15, png(run));
        long current = ((Number)
                        api.object(options.admin(), "/api/v1/versions/current").get("version"))
                .longValue();

        Map<String, String> tokens = api.tokens(options.admin(), screens);
        List<String> others = new ArrayList<>(stationOf.keySet());
        others.removeAll(screens);
        Map<String, String> realTokens = options.realAgents() == 0 || others.isEmpty()
                ? Map.of()
                : api.tokens(options.admin(), spread(others, options.realAgents()));
        URI fleetOrigin = URI.create("http://127.0.0.1:" + (options.port() + 2));
        List<InetSocketAddress> upstreams = servers.stream()
                .map(server -> new InetSocketAddress("127.0.0.1", server.port()))
                .toList();
        try (TcpProxy proxy = new TcpProxy(options.port() + 2, upstreams);
                AgentFleet fleet = new AgentFleet(fleetOrigin, tokens, options.playsEvery());
                BookingStream bookings = new BookingStream(
                        servers,
                        new ArrayList<>(screensByStation.keySet()),
                        realTokens.keySet().stream()
                                .map(stationOf::get)
                                .distinct()
                                .toList(),
                        options.planner(),
                        creative,
                        run)) {
            if (!realTokens.isEmpty()) {
                realAgents.start(options.agentJar(), options.dir(), fleetOrigin, realTokens);
                log(realAgents.size() + " real agents started (real-agent-*.out: what each shows)");
            }
            fleet.start(Duration.ofMillis(100L * fleet.size()));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (fleet.adopted(current) < fleet.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("warm-up: only " + fleet.adopted(current) + " of " + fleet.size()
                            + " agents on version " + current + "; " + fleet.progress());
                }
                Thread.sleep(500);
            }
            log("all " + fleet.size() + " agents on version " + current + " through the proxy; "
                    + realAgents.awaitPlaying(Duration.ofMinutes(5)) + " of " + realAgents.size()
                    + " real agents playing; bookings start");
            Audit audit = new Audit(postgres);
            Ledger ledger = new Ledger(audit, bookings, fleet, current);
            Injector injector = new Injector(
                    servers,
                    postgres,
                    proxy,
                    bookings,
                    options.faultFor(),
                    new Surge(fleetOrigin, List.copyOf(tokens.values())),
                    surgePerSecond(fleet.size(), options),
                    new AgentDiskFaults(realAgents, options.faultFor()));
            Recovery recovery = new Recovery(servers, bookings, fleet, audit);
            for (ServerProcess server : servers) {
                log(server.name() + " answered a booking after " + recovery.booking(server, System.currentTimeMillis())
                        + " ms (done with its plan at start)");
            }
            long measuredSince = System.currentTimeMillis();
            bookings.start(options.bookingEvery());
            ledger.startWatchingDarkness();
            Thread.sleep(options.settle().toMillis());
            for (int repetition = 0; repetition < options.repeat(); repetition++) {
                for (Fault fault : options.faults()) {
                    log("injecting " + fault.label() + " #" + (repetition + 1));
                    long startedAt = System.currentTimeMillis();
                    String what = injector.inject(fault, repetition);
                    long endedAt = System.currentTimeMillis();
                    long recoveryMillis = recovery.since(endedAt);
                    what += "; probe booked after " + recovery.probeAnsweredMillis() + " ms";
                    if (fault == Fault.SERVER_KILL) {
                        ServerProcess victim = injector.victim(repetition);
                        what += "; " + victim.name() + " books again after " + recovery.booking(victim, endedAt)
                                + " ms";
                    }
                    // the planner sends again what got no answer, as it was, now that the service is back
                    what += "; " + Ledger.retried(bookings.retryUnanswered());
                    ledger.faultDone(fault, repetition + 1, what, startedAt, endedAt, recoveryMillis);
                    Thread.sleep(options.settle().toMillis());
                }
            }
            bookings.stop();
            log("bookings stopped; " + Ledger.retried(bookings.retryUnanswered()));
            long measuredUntil = System.currentTimeMillis();
            log("faults done; the agents upload what they still hold");
            Thread.sleep(options.playsEvery().toMillis() * 2);
            fleet.stop();
            RealAgentAudit.Figures real = new RealAgentAudit(postgres, realAgents.outputs())
                    .audit(measuredSince, measuredUntil, Duration.ofMinutes(3));
            log(realAgents.alive() + " of " + realAgents.size() + " real agents still running; " + real);
            Map<String, Object> realKeys = RealAgentAudit.keys(realAgents.size(), realAgents.disksMounted(), real);
            realKeys.putAll(realAgents.journalDisks());
            ChaosReport.print(ledger.finish(servers.size(), options, realKeys), System.out);
        }
    }

    /**
     * The extra requests a second that make the agents' traffic ten times its normal rate: nine times the fleet's own,
     * a play upload every {@code --plays-every-seconds} and a heartbeat a minute per agent.
     */
    static int surgePerSecond(int agents, ChaosOptions options) {
        double perAgent = 1.0 / options.playsEvery().toSeconds() + 1.0 / 60;
        return (int) Math.ceil(9 * agents * perAgent);
    }

    /** {@code count} screens spread evenly over the list. */
    static List<String> spread(List<String> screens, int count) {
        if (count >= screens.size()) {
            return screens;
        }
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(screens.get((int) ((long) i * screens.size() / count)));
        }
        return chosen;
    }

    /** A few bytes that start like a PNG and differ per run. */
    static byte[] png(String salt) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] text = ("RailCast chaos benchmark " + salt).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(header, header.length + text.length);
        System.arraycopy(text, 0, bytes, header.length, text.length);
        return bytes;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String line) {
        System.err.println(Instant.now() + " " + line);
    }
}
