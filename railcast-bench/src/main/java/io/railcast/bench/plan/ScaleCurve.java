package io.railcast.bench.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench-plan --scale}: plans networks of 5,600, 10,000, 20,000 and 50,000 screens for a week, each
 * in a JVM of its own with the same 2 GB heap, and prints how time, heap and distinct hours grow: a table, then one
 * line of JSON. The generator names at most 1,677 stations, so the larger networks have more screens per station.
 * Only the smallest runs the whole benchmark; the others run {@code --plan-only} (no re-plans), and the largest
 * {@code --no-audit} too: on 2 shared cores the re-plans of 10,000 screens and the audit of 50,000 take minutes
 * (the audit of 20,000 took 108 s and a 2 GB heap on a busy machine).
 */
final class ScaleCurve {

    /** One network of the curve and the flags it runs with. */
    record Size(int stations, int screens, int campaigns, boolean planOnly, boolean audit) {}

    static final List<Size> SIZES = List.of(
            new Size(500, 5_600, 300, false, true),
            new Size(1_000, 10_000, 600, true, true),
            new Size(1_600, 20_000, 1_000, true, true),
            new Size(1_677, 50_000, 2_000, true, false));

    private static final List<String> KEYS = List.of(
            "screens",
            "stations",
            "campaigns",
            "screenHours",
            "distinctHours",
            "planMillis",
            "planLiveHeapMb",
            "peakHeapMb",
            "auditMillis",
            "contractedPlaysMissing",
            "replanMillis");

    private ScaleCurve() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> passed = new ArrayList<>(Arrays.asList(args));
        passed.remove("--scale");
        List<String> rows = new ArrayList<>();
        System.out.println("| " + String.join(" | ", KEYS) + " |");
        System.out.println("|" + "---:|".repeat(KEYS.size()));
        for (Size size : SIZES) {
            String json = run(size, passed);
            List<String> cells = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            for (String key : KEYS) {
                String value = field(json, key);
                cells.add(value == null ? "—" : value);
                if (value != null) {
                    fields.add("\"" + key + "\":" + value);
                }
            }
            System.out.println("| " + String.join(" | ", cells) + " |");
            rows.add("{" + String.join(",", fields) + "}");
        }
        System.out.println("{\"scale\":[" + String.join(",", rows) + "]}");
    }

    /** Runs one size in a JVM of its own and answers the last line it printed (its JSON), or "{}" when it failed. */
    private static String run(Size size, List<String> passed) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx2g",
                "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                System.getProperty("java.class.path"),
                PlanBenchmark.class.getName(),
                "--stations",
                String.valueOf(size.stations()),
                "--screens",
                String.valueOf(size.screens()),
                "--campaigns",
                String.valueOf(size.campaigns())));
        if (size.planOnly()) {
            command.add("--plan-only");
        }
        if (!size.audit()) {
            command.add("--no-audit");
        }
        command.addAll(passed);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = "{}";
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("{")) {
                    last = line;
                } else if (!line.startsWith("|")) {
                    System.err.println(String.format(Locale.ROOT, "[%d screens] %s", size.screens(), line));
                }
            }
        }
        process.waitFor();
        return last;
    }

    /** The value of a number or boolean field of a flat JSON object, or null. */
    static String field(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\":([^,}\"]+)").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
