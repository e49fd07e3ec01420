package io.railcast.bench.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of {@code scripts/bench-plan}. */
record BenchOptions(
        long seed,
        int stations,
        int screens,
        int campaigns,
        int days,
        LocalDate firstDay,
        int threads,
        boolean planOnly,
        boolean noAudit) {

    static final String USAGE = """
            usage: scripts/bench-plan [--stations N] [--screens N] [--campaigns N] [--days N] [--seed N]
                                      [--first-day YYYY-MM-DD] [--threads N] [--plan-only] [--no-audit]
       scripts/bench-plan --scale [--seed N] [--first-day YYYY-MM-DD] [--threads N]
              defaults: 500 stations, 5600 screens, 300 campaigns, 7 days from next Monday, seed 42,
                        one planning thread per core
              --plan-only: plan (and audit) only, no re-plans; --no-audit: skip the audit
              --scale: the curve of 5,600, 10,000, 20,000 and 50,000 screens, each in a JVM of its own""";

    /** The options, or null when help was asked for; an unknown flag or a missing value throws with the usage. */
    static BenchOptions parse(String[] args) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
        }
        if (flags.help) {
            return null;
        }
        return new BenchOptions(
                flags.seed,
                flags.stations,
                flags.screens,
                flags.campaigns,
                flags.days,
                flags.firstDay,
                flags.threads,
                flags.planOnly,
                flags.noAudit);
    }

    /** The flags as picocli reads them; {@link #USAGE} stays the help text, so --help reads as it always did. */
    @Command(name = "bench-plan")
    private static final class Flags {

        @Option(names = {"--help", "-h"})
        boolean help;

        @Option(names = "--seed")
        long seed = 42;

        @Option(names = "--stations")
        int stations = 500;

        @Option(names = "--screens")
        int screens = 5_600;

        @Option(names = "--campaigns")
        int campaigns = 300;

        @Option(names = "--days")
        int days = 7;

        @Option(names = "--first-day")
        LocalDate firstDay = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        @Option(names = "--threads")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--plan-only")
        boolean planOnly;

        @Option(names = "--no-audit")
        boolean noAudit;
    }
}
