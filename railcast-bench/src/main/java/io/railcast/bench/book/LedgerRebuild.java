package io.railcast.bench.book;

import io.railcast.model.planning.DecidedHours;
import io.railcast.model.planning.HourKey;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The ledger of decided hours the bench's checks wrote, rebuilt as a restarting server rebuilds it from PostgreSQL:
 * from the rows' text (key, decision, day), decoded and indexed. The time covers that work, not the database's read
 * (measured by the server's log at start, docs/benchmarks.md); the heap is the rebuilt ledger's, after a GC.
 */
final class LedgerRebuild {

    /** The rebuilt ledger, its rows, how long rebuilding took and the heap it takes. */
    record Figures(DecidedHours ledger, int rows, long buildMillis, long heapMb) {}

    private LedgerRebuild() {}

    static Figures rebuild(DecidedHours written) {
        long baseline = usedHeapAfterGc();
        List<String> lines = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (DecidedHours.Row row : written.drainUnsaved()) {
            lines.add(hex.formatHex(row.key().toBytes()) + "\t" + row.decision() + "\t" + row.lastUsed());
        }
        long started = System.nanoTime();
        DecidedHours rebuilt = new DecidedHours(written.revision(), written.capacity(), Clock.systemUTC());
        for (String line : lines) {
            String[] columns = line.split("\t", -1);
            rebuilt.load(new DecidedHours.Row(
                    HourKey.fromBytes(hex.parseHex(columns[0])), columns[1], LocalDate.parse(columns[2])));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int rows = lines.size();
        lines = null;
        long heap = Math.max(0, usedHeapAfterGc() - baseline);
        return new Figures(rebuilt, rows, millis, heap / (1024 * 1024));
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
