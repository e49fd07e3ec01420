package io.railcast.bench.fleet;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of {@link FleetBenchmark}; every option but the server and the two passwords has a default. */
record FleetOptions(
        URI server,
        AdminApi.User admin,
        AdminApi.User planner,
        int agents,
        String province,
        Duration ramp,
        Duration warmupTimeout,
        Duration switchTimeout,
        Duration settle,
        Duration playsEvery,
        Duration statusEvery,
        double repeatShare,
        int pgPort,
        String pgDatabase,
        TakeoverMode takeover,
        int changeHours) {

    /**
     * The {@code --takeover} mode: a network-wide takeover instead of the booking, held for {@code hold}, then
     * cancelled; {@code creative} names the creative it shows, null for a notice. Null in the default mode.
     */
    record TakeoverMode(AdminApi.User operator, String creative, Duration hold) {}

    static final String USAGE = """
            FleetBenchmark: N virtual agents against a running scheduler-server, one urgent regional booking, and the
            time until every affected screen has switched to the new version.

              --server URL              the server's origin (required)
              --admin-password P        password of --admin-user (default admin), who issues the agents' tokens
              --planner-password P      password of --planner-user (default planner), who books the campaign
              --agents N                virtual agents, one per screen, spread over the network (default: every screen)
              --province NAME           the province the booking targets (default: the one with most agents)
              --ramp-seconds S          agents start evenly over this (default 120)
              --warmup-timeout-seconds S  wait this long for every agent's first version (default 900)
              --switch-timeout-seconds S  wait this long for every affected agent to switch (default 120)
              --settle-seconds S        keep playing this long after the switch, for proof of play (default 30)
              --plays-every-seconds S   each agent uploads its plays this often (default 60, as the agent does)
              --status-every-seconds S  each agent sends a heartbeat this often (default 60)
              --repeat-share X          share of uploads that send the last acknowledged batch again (default 0.05)
              --pg-port P               count stored plays in the server's PostgreSQL on this port with psql
              --pg-database NAME        (default railcast)
              --takeover                instead of the booking: a network-wide emergency takeover started as
                                        --operator-user, the time until every agent holds it, then its
                                        cancellation and the time until every agent is back on its schedule
              --operator-user NAME      (default operator)
              --operator-password P     (default: --planner-password; the demo's users share one)
              --takeover-creative ID    the takeover shows this creative (default: a text notice)
              --takeover-hold-seconds S cancel the takeover this long after every agent holds it (default 10)
              --change-hours N          the booking plays only in the N hours from the current one, so that each
                                        affected screen lacks N plans, not every hour's (default 0: today and the
                                        next three days, which changes every hour an agent holds)
            """;

    /** The options of {@code args}; a missing, unknown or malformed option throws with a message for the user. */
    static FleetOptions parse(String... args) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (flags.agents < 0 || flags.repeatShare < 0 || flags.repeatShare > 1) {
            throw new IllegalArgumentException("--agents must be ≥ 0 and --repeat-share between 0 and 1");
        }
        if (flags.changeHours < 0 || flags.changeHours > 72) {
            throw new IllegalArgumentException("--change-hours must be between 0 and 72");
        }
        return new FleetOptions(
                flags.server,
                new AdminApi.User(flags.adminUser, flags.adminPassword),
                new AdminApi.User(flags.plannerUser, flags.plannerPassword),
                flags.agents,
                flags.province,
                seconds("ramp-seconds", flags.rampSeconds),
                seconds("warmup-timeout-seconds", flags.warmupSeconds),
                seconds("switch-timeout-seconds", flags.switchSeconds),
                seconds("settle-seconds", flags.settleSeconds),
                seconds("plays-every-seconds", flags.playsSeconds),
                seconds("status-every-seconds", flags.statusSeconds),
                flags.repeatShare,
                flags.pgPort,
                flags.pgDatabase,
                flags.takeover
                        ? new TakeoverMode(
                                new AdminApi.User(
                                        flags.operatorUser,
                                        flags.operatorPassword != null
                                                ? flags.operatorPassword
                                                : flags.plannerPassword),
                                flags.takeoverCreative,
                                seconds("takeover-hold-seconds", flags.takeoverHoldSeconds))
                        : null,
                flags.changeHours);
    }

    private static Duration seconds(String name, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The flags as picocli reads them; {@link #USAGE} stays the help text, so --help reads as it always did. */
    @Command(name = "FleetBenchmark")
    private static final class Flags {

        @Option(names = "--server", required = true, paramLabel = "URL")
        URI server;

        @Option(names = "--admin-user")
        String adminUser = "admin";

        @Option(names = "--admin-password", required = true, paramLabel = "P")
        String adminPassword;

        @Option(names = "--planner-user")
        String plannerUser = "planner";

        @Option(names = "--planner-password", required = true, paramLabel = "P")
        String plannerPassword;

        @Option(names = "--agents")
        int agents;

        @Option(names = "--province")
        String province;

        @Option(names = "--ramp-seconds")
        long rampSeconds = 120;

        @Option(names = "--warmup-timeout-seconds")
        long warmupSeconds = 900;

        @Option(names = "--switch-timeout-seconds")
        long switchSeconds = 120;

        @Option(names = "--settle-seconds")
        long settleSeconds = 30;

        @Option(names = "--plays-every-seconds")
        long playsSeconds = 60;

        @Option(names = "--status-every-seconds")
        long statusSeconds = 60;

        @Option(names = "--repeat-share")
        double repeatShare = 0.05;

        @Option(names = "--pg-port")
        int pgPort;

        @Option(names = "--pg-database")
        String pgDatabase = "railcast";

        @Option(names = "--takeover")
        boolean takeover;

        @Option(names = "--operator-user")
        String operatorUser = "operator";

        @Option(names = "--operator-password", paramLabel = "P")
        String operatorPassword;

        @Option(names = "--takeover-creative", paramLabel = "ID")
        String takeoverCreative;

        @Option(names = "--takeover-hold-seconds")
        long takeoverHoldSeconds = 10;

        @Option(names = "--change-hours")
        int changeHours;
    }
}
