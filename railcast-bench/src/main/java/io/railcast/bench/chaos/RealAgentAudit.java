package io.railcast.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real agents' accounts, from what they printed (headless mode: one line per change of what is on screen) and
 * {@code play_record}: every spot a real agent showed ({@code PLAY} or {@code FALLBACK} line, whose instant is the
 * play's journaled start to the millisecond) stored exactly once under its screen and start; and its dark
 * screen-seconds: {@code DARK} and {@code WAITING} lines, and gaps after a spot's end before the next line. Every
 * station is open all day in the run and its hours are planned full, so the published plan has no dark second. Spots
 * of contracted campaigns (commercial or public service, the stream's bookings at the agents' stations among them)
 * are counted apart, so that the audit is seen to cover them, not only fillers.
 */
final class RealAgentAudit {

    /** A spot ending later than this before the next line is a gap on screen, not the scheduler's wake-up jitter. */
    private static final long GAP_MILLIS = 1_000;

    /**
     * One line of an agent's output: when, what, until when (a spot's or a dark stretch's end; null if none), and for
     * a spot its campaign and kind (null if the line has none).
     */
    record Line(Instant at, String what, Instant until, String campaign, String kind) {

        boolean spot() {
            return what.equals("PLAY") || what.equals("FALLBACK");
        }

        /** A spot of a commercial or public-service campaign: one that was contracted, not a filler. */
        boolean contracted() {
            return spot() && ("COMMERCIAL".equals(kind) || "PUBLIC_SERVICE".equals(kind));
        }
    }

    /**
     * The figures of the real agents, for the report: spots shown, of them not stored, rows beyond one per spot, dark
     * seconds; contracted spots shown and of them not stored; spots of the benchmark's own bookings shown.
     */
    record Figures(
            long shown,
            long lost,
            long duplicated,
            long darkSeconds,
            long contracted,
            long contractedLost,
            long ofBookings) {}

    /** The ids of the benchmark's bookings begin so ({@link BookingStream}). */
    static final String BOOKING_PREFIX = "C-CHAOS-";

    private final Postgres postgres;
    private final Map<String, Path> outputs;

    /** {@code outputs}: each real agent's standard output, by its screen. */
    RealAgentAudit(Postgres postgres, Map<String, Path> outputs) {
        this.postgres = postgres;
        this.outputs = outputs;
    }

    /**
     * The accounts of what was shown from {@code since} to {@code until} (epoch millis), once every play shown before
     * {@code until} is stored or {@code wait} has passed (an agent uploads once a minute).
     */
    Figures audit(long since, long until, Duration wait) throws IOException, InterruptedException {
        if (outputs.isEmpty()) {
            return new Figures(0, 0, 0, 0, 0, 0, 0);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Figures figures = figures(since, until);
        while (figures.lost() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            figures = figures(since, until);
        }
        return figures;
    }

    private Figures figures(long since, long until) throws IOException, InterruptedException {
        Map<String, Long> stored = stored();
        long shown = 0;
        long lost = 0;
        long dark = 0;
        long contracted = 0;
        long contractedLost = 0;
        long ofBookings = 0;
        for (Map.Entry<String, Path> agent : outputs.entrySet()) {
            List<Line> lines = lines(agent.getValue());
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                long at = line.at().toEpochMilli();
                if (at < since || at >= until) {
                    continue;
                }
                long next = i + 1 < lines.size() ? lines.get(i + 1).at().toEpochMilli() : until;
                if (line.spot()) {
                    shown++;
                    boolean missing = !stored.containsKey(agent.getKey() + "@" + at);
                    lost += missing ? 1 : 0;
                    if (line.contracted()) {
                        contracted++;
                        contractedLost += missing ? 1 : 0;
                    }
                    ofBookings += line.campaign() != null && line.campaign().startsWith(BOOKING_PREFIX) ? 1 : 0;
                    long gap = line.until() == null
                            ? 0
                            : Math.min(next, until) - line.until().toEpochMilli();
                    dark += gap > GAP_MILLIS ? gap : 0;
                } else if (line.what().equals("DARK") || line.what().equals("WAITING")) {
                    dark += Math.min(next, until) - at;
                }
            }
        }
        long duplicated = stored.values().stream().mapToLong(count -> count - 1).sum();
        return new Figures(shown, lost, duplicated, dark / 1000, contracted, contractedLost, ofBookings);
    }

    /** Plays stored for the real agents' screens: {@code screen@startMillis -> rows}. */
    private Map<String, Long> stored() throws IOException, InterruptedException {
        String screens = outputs.keySet().stream()
                .map(s -> "'" + s.replace("'", "''") + "'")
                .collect(Collectors.joining(","));
        Map<String, Long> stored = new HashMap<>();
        for (String row : postgres.query("select screen_id, (extract(epoch from started_at) * 1000)::bigint, count(*)"
                + " from play_record where screen_id in (" + screens + ") group by 1, 2")) {
            String[] fields = row.split("\\|");
            stored.put(fields[0] + "@" + fields[1], Long.parseLong(fields[2]));
        }
        return stored;
    }

    /** The lines of one agent's output that say what is on screen; others (and a torn last line) are left out. */
    static List<Line> lines(Path out) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(out)) {
            String[] words = text.split(" ");
            if (words.length < 2) {
                continue;
            }
            try {
                Instant at = Instant.parse(words[0]);
                int until = List.of(words).indexOf("until");
                Instant end = null;
                if (until > 0 && until + 1 < words.length && !words[until + 1].equals("cancelled")) {
                    end = Instant.parse(words[until + 1]);
                }
                boolean spot = words[1].equals("PLAY") || words[1].equals("FALLBACK");
                String campaign = spot && words.length > 2 ? words[2].split("/")[0] : null;
                String kind = spot && words.length > 3 ? words[3] : null;
                lines.add(new Line(at, words[1], end, campaign, kind));
            } catch (DateTimeParseException e) {
                // not a line about the screen
            }
        }
        return lines;
    }

    /** The figures as report keys. */
    static Map<String, Object> keys(int agents, boolean disksMounted, Figures figures) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("realAgents", agents);
        keys.put("realAgentDisksOnTmpfs", disksMounted);
        keys.put("realAgentPlaysShown", figures.shown());
        keys.put("realAgentPlaysLost", figures.lost());
        keys.put("realAgentPlaysDuplicated", figures.duplicated());
        keys.put("realAgentDarkSeconds", figures.darkSeconds());
        keys.put("realAgentContractedPlaysShown", figures.contracted());
        keys.put("realAgentContractedPlaysLost", figures.contractedLost());
        keys.put("realAgentBookingPlaysShown", figures.ofBookings());
        return keys;
    }
}
