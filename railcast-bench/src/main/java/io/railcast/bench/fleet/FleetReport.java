package io.railcast.bench.fleet;

import java.io.PrintStream;
import java.util.Map;
import tools.jackson.jr.ob.JSON;

/** The benchmark's output: one row per figure, then the same figures as one line of JSON. */
final class FleetReport {

    private FleetReport() {}

    static void print(Map<String, Object> figures, PrintStream out) {
        out.println("| Figure | Value |");
        out.println("|---|---:|");
        figures.forEach((name, value) -> out.println("| " + name + " | " + value + " |"));
        out.println(JSON.std.asString(figures));
    }
}
