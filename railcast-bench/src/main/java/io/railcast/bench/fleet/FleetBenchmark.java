package io.railcast.bench.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The fleet benchmark behind {@code scripts/bench-fleet} (docs/benchmarks.md): provisions a token per screen,
 * starts a {@link Fleet}, waits until every agent plays the current version, books an urgent regional campaign as
 * the demo planner, and measures for each screen of that province the time from sending the booking until its agent
 * has adopted the new version. Prints a table and a final one-line JSON object.
 */
public final class FleetBenchmark {

    /** The server's count and total time of schedule answers made (what a publication costs it). */
    private static final String ANSWERS_BUILT = "railcast_agent_schedule_builds_seconds_count";

    private static final String ANSWER_SECONDS = "railcast_agent_schedule_builds_seconds_sum";

    private FleetBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(FleetOptions.USAGE);
            return;
        }
        FleetOptions options;
        try {
            options = FleetOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(FleetOptions.USAGE);
            System.exit(2);
            return;
        }
        Map<String, Object> figures = run(options);
        FleetReport.print(figures, System.out);
    }

    static Map<String, Object> run(FleetOptions options) throws Exception {
        AdminApi api = new AdminApi(options.server());
        Map<String, String> provinceOf = new LinkedHashMap<>();
        Map<String, String> stationProvince = api.list(options.admin(), "/api/v1/stations").stream()
                .collect(Collectors.toMap(s -> (String) s.get("code"), s -> (String) s.get("province")));
        for (Map<String, Object> screen : api.list(options.admin(), "/api/v1/screens")) {
            provinceOf.put((String) screen.get("id"), stationProvince.get((String) screen.get("station")));
        }
        List<String> screens = spread(new ArrayList<>(provinceOf.keySet()), options.agents());
        String province = options.province() != null
                ? options.province()
                : screens.stream()
                        .collect(Collectors.groupingBy(provinceOf::get, Collectors.counting()))
                        .entrySet()
                        .stream()
                        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow()
                        .getKey();
        Set<String> affected = screens.stream()
                .filter(id -> province.equals(provinceOf.get(id)))
                .collect(Collectors.toSet());

        long provisionStart = System.nanoTime();
        List<Fleet.Credentials> credentials = api.issueTokens(options.admin(), screens);
        long provisionMillis = (System.nanoTime() - provisionStart) / 1_000_000;
        long current = ((Number)
                        api.object(options.admin(), "/api/v1/versions/current").get("version"))
                .longValue();
        log("issued " + credentials.size() + " agent tokens in " + provisionMillis + " ms; version " + current
                + "; the booking will target " + province + " (" + affected.size() + " agents)");

        Map<String, Object> figures = new LinkedHashMap<>();
        try (Fleet fleet = new Fleet(
                options.server(),
                credentials,
                72,
                options.playsEvery(),
                options.statusEvery(),
                options.repeatShare())) {
            long warmupStart = System.nanoTime();
            fleet.start(options.ramp());
            boolean warm = await(
                    () -> fleet.adopted(current) == fleet.size(),
                    options.warmupTimeout(),
                    () -> "warm-up: " + fleet.adopted(current) + "/" + fleet.size() + " agents on version " + current
                            + "; " + fleet.progress());
            long warmupMillis = (System.nanoTime() - warmupStart) / 1_000_000;
            if (!warm) {
                throw new IllegalStateException("only " + fleet.adopted(current) + " of " + fleet.size()
                        + " agents adopted version " + current + " within " + options.warmupTimeout());
            }
            log("all " + fleet.size() + " agents on version " + current + " after " + warmupMillis + " ms");

            String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
            String creative = "BENCH-" + suffix;
            api.uploadCreative(options.planner(), creative, 15, png(suffix));
            String metricsBefore = prometheus(api, options);
            long sentAt = System.currentTimeMillis();
            Map<String, Object> booked = api.book(options.planner(), campaign("C-BENCH-" + suffix, creative, province));
            long answeredAt = System.currentTimeMillis();
            long version = ((Number) booked.get("scheduleVersion")).longValue();
            // accepted = the version's commit, as the server recorded it (same machine, same clock)
            long bookedAt = Instant.parse((String) api.object(options.admin(), "/api/v1/versions/" + version)
                            .get("publishedAt"))
                    .toEpochMilli();
            log("booked C-BENCH-" + suffix + ": version " + version + " published " + (bookedAt - sentAt)
                    + " ms after the request was sent, answered after " + (answeredAt - sentAt) + " ms");

            await(
                    () -> affected.stream().allMatch(id -> fleet.agent(id).adoptedAt(version) >= 0),
                    options.switchTimeout(),
                    () -> "switch: "
                            + affected.stream()
                                    .filter(id -> fleet.agent(id).adoptedAt(version) >= 0)
                                    .count() + "/" + affected.size() + "; "
                            + fleet.progress());
            String metricsAfter = prometheus(api, options);
            long[] switched = affected.stream()
                    .mapToLong(id -> fleet.agent(id).adoptedAt(version))
                    .filter(at -> at >= 0)
                    .map(at -> at - bookedAt)
                    .toArray();
            long[] heard = affected.stream()
                    .mapToLong(id -> fleet.agent(id).heardAt(version))
                    .filter(at -> at >= 0)
                    .map(at -> at - bookedAt)
                    .toArray();
            long[] fetched = affected.stream()
                    .mapToLong(id -> fleet.agent(id).fetchedAt(version))
                    .filter(at -> at >= 0)
                    .map(at -> at - bookedAt)
                    .toArray();
            long[] fromRequest = affected.stream()
                    .mapToLong(id -> fleet.agent(id).adoptedAt(version))
                    .filter(at -> at >= 0)
                    .map(at -> at - sentAt)
                    .toArray();
            long unaffectedNotified = screens.stream()
                    .filter(id -> !affected.contains(id))
                    .filter(id -> fleet.agent(id).heardAt(version) >= 0)
                    .count();
            LatencySummary switchTimes = LatencySummary.of(switched);
            LatencySummary eventTimes = LatencySummary.of(heard);
            LatencySummary fetchTimes = LatencySummary.of(fetched);
            LatencySummary requestTimes = LatencySummary.of(fromRequest);

            Thread.sleep(options.settle().toMillis());
            fleet.stop(); // stops the agents and uploads what they still hold, before the plays are counted
            FleetContext context = fleet.context();
            PlayTally plays = context.plays();
            long stored = storedPlays(options);

            figures.put("agents", fleet.size());
            figures.put("province", province);
            figures.put("version", version);
            figures.put("affected", affected.size());
            figures.put("switched", switchTimes.count());
            figures.put("p50Millis", switchTimes.p50());
            figures.put("p99Millis", switchTimes.p99());
            figures.put("maxMillis", switchTimes.max());
            figures.put("eventP50Millis", eventTimes.p50());
            figures.put("eventP99Millis", eventTimes.p99());
            figures.put("eventMaxMillis", eventTimes.max());
            figures.put("fetchP50Millis", fetchTimes.p50());
            figures.put("fetchP99Millis", fetchTimes.p99());
            figures.put("bookingToPublishMillis", bookedAt - sentAt);
            figures.put("bookingAnswerMillis", answeredAt - sentAt);
            figures.put("fromRequestP99Millis", requestTimes.p99());
            figures.put("unaffectedNotified", unaffectedNotified);
            figures.put(
                    "serverAnswersBuilt",
                    Math.round(SseBench.gauge(metricsAfter, ANSWERS_BUILT)
                            - SseBench.gauge(metricsBefore, ANSWERS_BUILT)));
            figures.put(
                    "serverAnswerBuildMillis",
                    Math.round(1000
                            * (SseBench.gauge(metricsAfter, ANSWER_SECONDS)
                                    - SseBench.gauge(metricsBefore, ANSWER_SECONDS))));
            figures.put("playsSent", plays.sent());
            figures.put("playsResent", plays.resent());
            figures.put("playsAccepted", plays.accepted());
            figures.put("playsStored", stored);
            figures.put("playsDuplicated", plays.duplicates());
            figures.put("playsRejected", plays.rejected());
            figures.put("playsPending", fleet.pendingPlays());
            figures.put("playBatchesFailed", plays.failedBatches());
            figures.put("schedules200", context.counters().schedules.sum());
            figures.put("schedules304", context.counters().notModified.sum());
            figures.put(
                    "scheduleFetchFailures", context.counters().fetchFailures.sum());
            figures.put("streamsOpened", context.counters().streamsOpened.sum());
            figures.put("statusReports", context.counters().statusReports.sum());
            figures.put("mediaDownloads", context.media().downloads());
            figures.put("distinctPlans", context.plans().size());
            figures.put("provisionMillis", provisionMillis);
            figures.put("warmupMillis", warmupMillis);
            figures.put("loadAverage", loadAverage());
            if (plays.sent() == 0) {
                log("no play was sent: every demo station is closed from 00:30 to 05:30 in Shanghai (it is "
                        + LocalTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES)
                        + " there), when no screen plays; at other hours this is a fault. This run measured switching"
                        + " only, not proof of play");
            }
        }
        return figures;
    }

    /** {@code count} screens spread evenly over the list (all of them for 0 or more than there are). */
    static List<String> spread(List<String> screens, int count) {
        if (count <= 0 || count >= screens.size()) {
            return screens;
        }
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(screens.get((int) ((long) i * screens.size() / count)));
        }
        return chosen;
    }

    /** One play an hour of a 15 s creative in every screen of the province, from today for three days. */
    static Map<String, Object> campaign(String id, String creative, String province) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", id);
        campaign.put("name", "Fleet benchmark " + province);
        campaign.put("kind", "COMMERCIAL");
        campaign.put("owner", "RailCast benchmarks");
        campaign.put("category", "benchmark");
        campaign.put("creatives", List.of(Map.of("id", creative, "weight", 1)));
        campaign.put("targeting", Map.of("provinces", List.of(province)));
        campaign.put("flight", Map.of("start", today + "T00:00", "end", today.plusDays(3) + "T00:00"));
        campaign.put("frequency", "1/h");
        campaign.put("priceCents", 100_000);
        return campaign;
    }

    /** A few bytes that start like a PNG and differ per run, so the creative is a new file to download. */
    static byte[] png(String salt) {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] text = ("RailCast fleet benchmark " + salt).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[header.length + text.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(text, 0, bytes, header.length, text.length);
        return bytes;
    }

    /** Rows in {@code play_record}, read with psql from the server's PostgreSQL; -1 without {@code --pg-port}. */
    private static long storedPlays(FleetOptions options) throws IOException, InterruptedException {
        if (options.pgPort() <= 0) {
            return -1;
        }
        Process psql = new ProcessBuilder(
                        "psql",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(options.pgPort()),
                        "-U",
                        "postgres",
                        "-d",
                        options.pgDatabase(),
                        "-Atc",
                        "select count(*) from play_record")
                .redirectErrorStream(true)
                .start();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (psql.waitFor() != 0) {
            throw new IOException("psql failed: " + out);
        }
        return Long.parseLong(out);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    interface Condition {
        boolean holds();
    }

    /** Polls {@code condition} every 200 ms until it holds or {@code timeout} passes; logs progress every 10 s. */
    static boolean await(Condition condition, Duration timeout, Supplier<String> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLog = System.nanoTime() + 10_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (System.nanoTime() > nextLog) {
                log(progress.get());
                nextLog += 10_000_000_000L;
            }
            Thread.sleep(200);
        }
        return true;
    }

    static void log(String line) {
        System.err.println(Instant.now() + " " + line);
    }

    private static String prometheus(AdminApi api, FleetOptions options) throws IOException, InterruptedException {
        return new String(api.raw(options.admin(), "/actuator/prometheus"), StandardCharsets.UTF_8);
    }
}
