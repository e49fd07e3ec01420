package io.railcast.bench.chaos;

import io.railcast.bench.fleet.AdminApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of {@link ChaosBenchmark}. */
record ChaosOptions(
        Path serverJar,
        Path dir,
        int port,
        int pgPort,
        int servers,
        int agents,
        List<Fault> faults,
        int repeat,
        AdminApi.User admin,
        AdminApi.User planner,
        Duration bookingEvery,
        Duration faultFor,
        Duration settle,
        Duration playsEvery,
        String serverHeap,
        Path agentJar,
        int realAgents) {

    static final String USAGE = """
            ChaosBenchmark: servers on one PostgreSQL, virtual agents behind a TCP proxy and a stream of bookings,
            faults injected one at a time, then what was lost and how long recovery took.

              --server-jar PATH          scheduler-server's boot jar (required)
              --dir PATH                 the run's directory: database, media, logs (required)
              --port P                   first server's port; the second's is P+1, the agents' proxy P+2 (18280)
              --pg-port P                the PostgreSQL the benchmark runs (18290)
              --servers 1|2              servers on the one database (2)
              --agents N                 virtual agents, one per screen, spread over the network (300)
              --faults a,b,...           of server-kill, pg-fast, pg-immediate, net-drop, net-stall, surge,
                                         agent-disk-full, agent-disk-readonly
                                         (default: all of them)
              --repeat N                 each fault this many times (3)
              --quick                    --repeat 1 --agents 100 --settle-seconds 15: a few minutes
              --booking-every-seconds S  one booking every S seconds, to the servers in turn (5)
              --fault-seconds S          how long PostgreSQL stays down, the network is cut (15)
              --settle-seconds S         quiet time between faults (20)
              --plays-every-seconds S    each agent uploads its plays this often (10)
              --server-heap SIZE         each server's -Xmx (1g)
              --agent-jar PATH           player-agent's jar, for the real agents (required with --real-agents > 0)
              --real-agents N            real player agents besides the virtual ones, each its own JVM, screen
                                         and cache on a 64 MiB tmpfs (4; 0: none, and no agent disk faults)
              --admin-password P, --planner-password P  the servers' admin and demo users' passwords (required)
            """;

    static ChaosOptions parse(String... args) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (flags.servers < 1 || flags.servers > 2) {
            throw new IllegalArgumentException("--servers must be 1 or 2");
        }
        if (flags.quick) {
            flags.repeat = 1;
            flags.agents = 100;
            flags.settleSeconds = 15;
        }
        if (flags.realAgents < 0 || (flags.realAgents > 0 && flags.agentJar == null)) {
            throw new IllegalArgumentException("--real-agents must be 0 or more, and needs --agent-jar");
        }
        if (flags.repeat < 1 || flags.agents < 1) {
            throw new IllegalArgumentException("--repeat and --agents must be at least 1");
        }
        return new ChaosOptions(
                flags.serverJar,
                flags.dir,
                flags.port,
                flags.pgPort,
                flags.servers,
                flags.agents,
                flags.faults == null ? List.of(Fault.values()) : Fault.parse(flags.faults),
                flags.repeat,
                new AdminApi.User("admin", flags.adminPassword),
                new AdminApi.User("planner", flags.plannerPassword),
                Duration.ofSeconds(flags.bookingSeconds),
                Duration.ofSeconds(flags.faultSeconds),
                Duration.ofSeconds(flags.settleSeconds),
                Duration.ofSeconds(flags.playsSeconds),
                flags.serverHeap,
                flags.agentJar,
                flags.realAgents);
    }

    /** The flags as picocli reads them; {@link #USAGE} is the help text. */
    @Command(name = "ChaosBenchmark")
    private static final class Flags {

        @Option(names = "--server-jar", required = true)
        Path serverJar;

        @Option(names = "--dir", required = true)
        Path dir;

        @Option(names = "--port")
        int port = 18280;

        @Option(names = "--pg-port")
        int pgPort = 18290;

        @Option(names = "--servers")
        int servers = 2;

        @Option(names = "--agents")
        int agents = 300;

        @Option(names = "--faults")
        String faults;

        @Option(names = "--repeat")
        int repeat = 3;

        @Option(names = "--quick")
        boolean quick;

        @Option(names = "--booking-every-seconds")
        long bookingSeconds = 5;

        @Option(names = "--fault-seconds")
        long faultSeconds = 15;

        @Option(names = "--settle-seconds")
        long settleSeconds = 20;

        @Option(names = "--plays-every-seconds")
        long playsSeconds = 10;

        @Option(names = "--server-heap")
        String serverHeap = "1g";

        @Option(names = "--agent-jar")
        Path agentJar;

        @Option(names = "--real-agents")
        int realAgents = 4;

        @Option(names = "--admin-password", required = true)
        String adminPassword;

        @Option(names = "--planner-password", required = true)
        String plannerPassword;
    }
}
