package io.railcast.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kiosk mode's start-up from a warm cache, for {@code scripts/bench-kiosk}: the agent's jar is launched with the
 * recommended JVM flags against a stand-in server, beside a headless Chromium that is already running (as when the
 * agent restarts on a screen). Per run: launch to the first spot (the agent's own log line), launch to the page being
 * served, and launch to the first creative drawn in the browser. Prints a table and a final one-line JSON object.
 *
 * <p>{@code java -cp <test classpath> io.railcast.agent.KioskStartBench <agent jar> [runs] [port]}
 */
final class KioskStartBench {

    private static final Pattern FIRST_SPOT = Pattern.compile("first spot on screen (\\d+) ms after start, (\\d+) ms");
    private static final List<String> FLAGS = List.of(
            "-Xms8m",
            "-Xmx24m",
            "-Xss256k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=16m");

    private KioskStartBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 18310;
        Path work = Files.createTempDirectory("kiosk-bench");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (KioskBrowser browser = new KioskBrowser(work.resolve("chromium"));
                FakeScheduler server = new FakeScheduler(Clock.systemUTC())) {
            Map<String, byte[]> creatives = new LinkedHashMap<>();
            creatives.put("CR-0001", browser.testCard("北京南站", "测试卡 1", 210, "image/png"));
            creatives.put("CR-0002", browser.testCard("上海虹桥站", "测试卡 2", 150, "image/jpeg"));
            server.publish(new TestSchedule(
                    42, hour, hour, hour.plus(Duration.ofHours(3)), 15, List.of("CR-0001", "CR-0002"), creatives));
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(FLAGS);
            command.addAll(List.of(
                    "-jar",
                    jar.toString(),
                    "--server",
                    server.uri().toString(),
                    "--token",
                    "screen-token",
                    "--cache",
                    work.resolve("cache").toString(),
                    "--mode",
                    "kiosk",
                    "--kiosk-port",
                    Integer.toString(port)));
            URI page = URI.create("http://127.0.0.1:" + port + "/");

            run(command, work, page, browser); // warms the cache: schedule and media fetched once
            System.out.printf(
                    "%-4s %18s %18s %22s%n", "run", "first spot (ms)", "page served (ms)", "creative drawn (ms)");
            long[][] figures = new long[3][runs];
            for (int i = 0; i < runs; i++) {
                long[] run = run(command, work, page, browser);
                for (int f = 0; f < 3; f++) {
                    figures[f][i] = run[f];
                }
                System.out.printf("%-4d %18d %18d %22d%n", i + 1, run[0], run[1], run[2]);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-4s %18d %18d %22d%n",
                    "med",
                    median(figures[0]),
                    median(figures[1]),
                    median(figures[2]));
            System.out.printf(
                    Locale.ROOT,
                    "{\"bench\":\"kiosk-start\",\"runs\":%d,\"firstSpotMs\":%d,"
                            + "\"pageServedMs\":%d,\"creativeDrawnMs\":%d,\"loadAverage\":%.2f}%n",
                    runs,
                    median(figures[0]),
                    median(figures[1]),
                    median(figures[2]),
                    loadAverage());
        }
    }

    /** One launch: milliseconds from launching the JVM to the first spot, to the page served, to a creative drawn. */
    private static long[] run(List<String> command, Path work, URI page, KioskBrowser browser) throws Exception {
        browser.open("about:blank");
        Path log = work.resolve("agent.log");
        long launched = System.nanoTime();
        Process agent = new ProcessBuilder(command)
                .redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long served = until(launched, () -> {
                try {
                    return http.send(
                                            HttpRequest.newBuilder(page.resolve("/feed"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                } catch (IOException e) {
                    return false;
                }
            });
            browser.open(page.toString());
            long drawn = until(launched, () -> "creative".equals(browser.text("return document.body.dataset.state;")));
            long firstSpot = until(launched, () -> FIRST_SPOT.matcher(read(log)).find());
            Matcher matcher = FIRST_SPOT.matcher(read(log));
            firstSpot = matcher.find() ? Long.parseLong(matcher.group(2)) : firstSpot;
            return new long[] {firstSpot, served, drawn};
        } finally {
            agent.destroy(); // SIGTERM: the agent journals the spot on screen as ended
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static long until(long launched, Condition condition) throws Exception {
        long deadline = launched + TimeUnit.SECONDS.toNanos(60);
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 60 s of the launch");
            }
            Thread.sleep(5);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
