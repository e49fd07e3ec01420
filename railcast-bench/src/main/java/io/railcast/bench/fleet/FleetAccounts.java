package io.railcast.bench.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fleet did over a run, read once it has stopped and uploaded what its agents still held: the fate of its
 * proof of play (sent, accepted, stored in the server's PostgreSQL, duplicated, rejected, still pending) and its
 * traffic with the server (schedules, event streams, heartbeats, media, distinct plans).
 */
final class FleetAccounts {

    private FleetAccounts() {}

    /** The stopped {@code fleet}'s accounts as figures, in the order they are reported. */
    static Map<String, Object> of(Fleet fleet, FleetOptions options) throws IOException, InterruptedException {
        FleetContext context = fleet.context();
        PlayTally plays = context.plays();
        long stored = storedPlays(options);

        Map<String, Object> figures = new LinkedHashMap<>();
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
        figures.put("scheduleFetchFailures", context.counters().fetchFailures.sum());
        figures.put("streamsOpened", context.counters().streamsOpened.sum());
        figures.put("statusReports", context.counters().statusReports.sum());
        figures.put("mediaDownloads", context.media().downloads());
        figures.put("distinctPlans", context.plans().size());
        if (plays.sent() == 0) {
            FleetBenchmark.log("no play was sent: every demo station is closed from 00:30 to 05:30 in Shanghai (it is "
                    + LocalTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES)
                    + " there), when no screen plays; at other hours this is a fault. This run measured switching"
                    + " only, not proof of play");
        }
        return figures;
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
}
