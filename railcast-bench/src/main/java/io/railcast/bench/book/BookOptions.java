package io.railcast.bench.book;

import java.time.LocalDate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The command line of {@code scripts/bench-book}. */
record BookOptions(
        long seed,
        int stations,
        int screens,
        int campaigns,
        int requests,
        int months,
        int sampledDays,
        LocalDate firstDay,
        int threads) {

    static final String USAGE = """
            usage: scripts/bench-book [--requests N] [--months N] [--sampled-days N] [--seed N]
                                      [--stations N] [--screens N] [--campaigns N] [--first-day YYYY-MM-DD]
                                      [--threads N]
              defaults: 200 requests over 12 months, 30 sampled days, seed 42, the demo network
                        (500 stations, 5600 screens, 300 campaigns booked for the first week), from today""";

    /** The options, or null when help was asked for; an unknown flag or a missing value throws with the usage. */
    static BookOptions parse(String[] args) {
        Flags flags = new Flags();
        try {
            new CommandLine(flags).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
        }
        if (flags.help) {
            return null;
        }
        if (flags.requests < 1 || flags.months < 1 || flags.months > 18 || flags.sampledDays < 0) {
            throw new IllegalArgumentException("requests ≥ 1, months 1-18, sampled days ≥ 0\n" + USAGE);
        }
        return new BookOptions(
                flags.seed,
                flags.stations,
                flags.screens,
                flags.campaigns,
                flags.requests,
                flags.months,
                flags.sampledDays,
                flags.firstDay,
                flags.threads);
    }

    /** The flags as picocli reads them. */
    @Command(name = "bench-book")
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

        @Option(names = "--requests")
        int requests = 200;

        @Option(names = "--months")
        int months = 12;

        @Option(names = "--sampled-days")
        int sampledDays = 30;

        @Option(names = "--first-day")
        LocalDate firstDay = LocalDate.now();

        @Option(names = "--threads")
        int threads = Runtime.getRuntime().availableProcessors();
    }
}
