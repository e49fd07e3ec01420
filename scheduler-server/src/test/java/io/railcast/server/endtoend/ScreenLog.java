package io.railcast.server.endtoend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent in headless mode showed: its standard-output lines, as {@link Shown} values in order. For an agent
 * in this JVM, {@link #printStream()} is its play log; for a child JVM, {@link #read(Path)} parses its output file.
 */
final class ScreenLog {

    // 2026-11-24T04:06:00.012Z PLAY C-1/CR-25 COMMERCIAL v42 15 s until 2026-11-24T04:06:15Z (joined ...) 8989fcff...
    private static final Pattern PLAY = Pattern.compile(
            "^(\\S+) (PLAY|FALLBACK) (\\S+)/(\\S+) (\\S+) v(\\d+) (\\d+) s until (\\S+)( \\(joined (\\d+) ms[^)]*\\))?( .*)?$");

    /**
     * One change of what is on screen.
     *
     * @param at         when it was shown, by the agent's (server-corrected) clock
     * @param seenAt     when this JVM read the line, by its own clock: a child's lines are read later
     * @param spotStart  when the spot began by the plan: {@code at} unless the agent joined it late
     */
    record Shown(
            Instant at,
            Instant seenAt,
            String what,
            String campaign,
            String creative,
            String kind,
            long version,
            Duration duration,
            Instant end,
            Instant spotStart,
            String line) {

        boolean isPlay() {
            return what.equals("PLAY");
        }
    }

    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    PrintStream printStream() {
        return new PrintStream(new LineSink(), true, StandardCharsets.UTF_8);
    }

    static List<Shown> read(Path file) {
        ScreenLog log = new ScreenLog();
        try {
            Files.readAllLines(file, StandardCharsets.UTF_8).forEach(log::accept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.shown();
    }

    List<Shown> shown() {
        return List.copyOf(shown);
    }

    List<Shown> plays() {
        return shown.stream().filter(Shown::isPlay).toList();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    Optional<Shown> first(Predicate<Shown> which) {
        return shown.stream().filter(which).findFirst();
    }

    void accept(String line) {
        try {
            parse(line);
        } catch (RuntimeException e) {
            // a line the child JVM is still writing; it is read whole next time
        }
    }

    private void parse(String line) {
        lines.add(line);
        Matcher m = PLAY.matcher(line.strip());
        if (m.matches()) {
            Instant at = Instant.parse(m.group(1));
            Duration duration = Duration.ofSeconds(Long.parseLong(m.group(7)));
            Instant end = Instant.parse(m.group(8));
            shown.add(new Shown(
                    at,
                    Instant.now(),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    Long.parseLong(m.group(6)),
                    duration,
                    end,
                    end.minus(duration),
                    line));
        } else if (!line.isBlank()) {
            String[] parts = line.split(" ", 3);
            Instant at = Instant.parse(parts[0]);
            shown.add(new Shown(at, Instant.now(), parts[1], "", "", "", 0, Duration.ZERO, at, at, line));
        }
    }

    /** Collects bytes into lines; the agent's player prints whole lines with println. */
    private final class LineSink extends OutputStream {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                accept(buffer.toString(StandardCharsets.UTF_8));
                buffer.reset();
            } else {
                buffer.write(b);
            }
        }
    }
}
