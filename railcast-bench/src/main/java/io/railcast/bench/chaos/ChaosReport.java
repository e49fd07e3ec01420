package io.railcast.bench.chaos;

import java.io.PrintStream;
import tools.jackson.jr.ob.JSON;

/** The output: one row per fault, one row per total, then the totals as one line of JSON. */
final class ChaosReport {

    private ChaosReport() {}

    static void print(Ledger.Result result, PrintStream out) {
        out.println("| Fault | # | What | Bookings | 2xx | No answer | Lost | Half stored | Versions broken"
                + " | Plays lost | Dark s | Recovery ms |");
        out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Ledger.FaultRow row : result.rows()) {
            out.println("| " + row.fault() + " | " + row.repetition() + " | " + row.what() + " | " + row.bookings()
                    + " | " + row.answered2xx() + " | " + row.unanswered() + " | " + row.bookingsLost() + " | "
                    + row.halfStored() + " | " + row.versionsBroken() + " | " + row.playsLost() + " | "
                    + row.darkSeconds() + " | " + row.recoveryMillis() + " |");
        }
        out.println();
        out.println("| Figure | Value |");
        out.println("|---|---:|");
        result.figures().forEach((name, value) -> out.println("| " + name + " | " + value + " |"));
        out.println(JSON.std.asString(result.figures()));
    }
}
