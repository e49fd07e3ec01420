package io.railcast.bench.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The fleet benchmark behind {@code scripts/bench-fleet} (docs/benchmarks.md): provisions a token per screen,
 * starts a {@link Fleet}, waits until every agent plays the current version, books an urgent regional campaign as
 * the demo planner, and measures for each screen of that province the time from sending the booking until its agent
 * has adopted the new version. Prints a table and a final one-line JSON object. The booking and what the switch took
 * are {@code SwitchMeasurement}'s; what the fleet did, read once it has stopped, is {@code FleetAccounts}'. With
 * {@code --takeover}, a network-wide emergency takeover and its cancellation take the booking's place
 * ({@code TakeoverMeasurement}).
 */
public final class FleetBenchmark {

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
                + (options.takeover() != null
                        ? "; the takeover will cover every agent"
                        : "; the booking will target " + province + " (" + affected.size() + " agents)"));

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

            Map<String, Object> measured = options.takeover() != null
                    ? TakeoverMeasurement.run(api, options, fleet, screens)
                    : SwitchMeasurement.run(api, options, fleet, screens, affected, province);

            Thread.sleep(options.settle().toMillis());
            fleet.stop(); // stops the agents and uploads what they still hold, before the plays are counted

            figures.put("agents", fleet.size());
            if (options.takeover() == null) {
                figures.put("province", province);
            }
            figures.putAll(measured);
            figures.putAll(FleetAccounts.of(fleet, options));
            figures.put("provisionMillis", provisionMillis);
            figures.put("warmupMillis", warmupMillis);
            figures.put("loadAverage", loadAverage());
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
        return campaign(id, creative, province, 0);
    }

    /**
     * One play an hour in {@code province}: today and the next three days, or with {@code hours} > 0 only the
     * {@code hours} hours from the current one (a small change: each affected screen lacks that many plans).
     */
    static Map<String, Object> campaign(String id, String creative, String province, int hours) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        LocalDateTime thisHour = LocalDateTime.now(zone).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", id);
        campaign.put("name", "Fleet benchmark " + province);
        campaign.put("kind", "COMMERCIAL");
        campaign.put("owner", "RailCast benchmarks");
        campaign.put("category", "benchmark");
        campaign.put("creatives", List.of(Map.of("id", creative, "weight", 1)));
        campaign.put("targeting", Map.of("provinces", List.of(province)));
        campaign.put(
                "flight",
                hours > 0
                        ? Map.of(
                                "start",
                                thisHour.toString(),
                                "end",
                                thisHour.plusHours(hours).toString())
                        : Map.of("start", today + "T00:00", "end", today.plusDays(3) + "T00:00"));
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
}
