package io.railcast.bench.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The command line of {@code scripts/bench-plan}. */
record BenchOptions(long seed, int stations, int screens, int campaigns, int days, LocalDate firstDay, int threads) {

    static final String USAGE = """
            usage: scripts/bench-plan [--stations N] [--screens N] [--campaigns N] [--days N] [--seed N]
                                      [--first-day YYYY-MM-DD] [--threads N]
              defaults: 500 stations, 5600 screens, 300 campaigns, 7 days from next Monday, seed 42,
                        one planning thread per core""";

    /** The options, or null when help was asked for. */
    static BenchOptions parse(String[] args) {
        long seed = 42;
        int stations = 500;
        int screens = 5_600;
        int campaigns = 300;
        int days = 7;
        LocalDate firstDay = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--seed" -> seed = Long.parseLong(value);
                case "--stations" -> stations = Integer.parseInt(value);
                case "--screens" -> screens = Integer.parseInt(value);
                case "--campaigns" -> campaigns = Integer.parseInt(value);
                case "--days" -> days = Integer.parseInt(value);
                case "--first-day" -> firstDay = LocalDate.parse(value);
                case "--threads" -> threads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        return new BenchOptions(seed, stations, screens, campaigns, days, firstDay, threads);
    }
}
