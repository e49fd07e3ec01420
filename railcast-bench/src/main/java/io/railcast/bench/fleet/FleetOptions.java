package io.railcast.bench.fleet;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line of {@link FleetBenchmark}; every option but the server and the two passwords has a default. */
record FleetOptions(URI server, AdminApi.User admin, AdminApi.User planner, int agents, String province,
        Duration ramp, Duration warmupTimeout, Duration switchTimeout, Duration settle, Duration playsEvery,
        Duration statusEvery, double repeatShare, int pgPort, String pgDatabase) {

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
            """;

    static FleetOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + name);
            }
            values.put(name.substring(2), args[++i]);
        }
        String server = values.remove("server");
        String adminPassword = values.remove("admin-password");
        String plannerPassword = values.remove("planner-password");
        if (server == null || adminPassword == null || plannerPassword == null) {
            throw new IllegalArgumentException("--server, --admin-password and --planner-password are required");
        }
        FleetOptions options = new FleetOptions(URI.create(server),
                new AdminApi.User(values.getOrDefault("admin-user", "admin"), adminPassword),
                new AdminApi.User(values.getOrDefault("planner-user", "planner"), plannerPassword),
                Integer.parseInt(values.getOrDefault("agents", "0")),
                values.get("province"),
                seconds(values, "ramp-seconds", 120), seconds(values, "warmup-timeout-seconds", 900),
                seconds(values, "switch-timeout-seconds", 120), seconds(values, "settle-seconds", 30),
                seconds(values, "plays-every-seconds", 60), seconds(values, "status-every-seconds", 60),
                Double.parseDouble(values.getOrDefault("repeat-share", "0.05")),
                Integer.parseInt(values.getOrDefault("pg-port", "0")),
                values.getOrDefault("pg-database", "railcast"));
        values.keySet().removeAll(Set.of("admin-user", "planner-user", "agents", "province", "ramp-seconds",
                "warmup-timeout-seconds", "switch-timeout-seconds", "settle-seconds", "plays-every-seconds",
                "status-every-seconds", "repeat-share", "pg-port", "pg-database"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        if (options.agents() < 0 || options.repeatShare() < 0 || options.repeatShare() > 1) {
            throw new IllegalArgumentException("--agents must be ≥ 0 and --repeat-share between 0 and 1");
        }
        return options;
    }

    private static Duration seconds(Map<String, String> values, String name, long fallback) {
        long seconds = Long.parseLong(values.getOrDefault(name, Long.toString(fallback)));
        if (seconds < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return Duration.ofSeconds(seconds);
    }
}
