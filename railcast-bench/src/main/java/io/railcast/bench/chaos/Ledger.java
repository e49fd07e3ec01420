package io.railcast.bench.chaos;

import io.railcast.bench.chaos.BookingStream.Booking;
import io.railcast.bench.chaos.BookingStream.Retry;
import io.railcast.bench.fleet.AgentFleet;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts of a chaos run: after each fault, the audit of everything so far (bookings, versions, plays) and what
 * changed since the fault before, one {@link FaultRow} each; the agents' dark seconds sampled every second; at the
 * end, the totals.
 */
final class Ledger {

    /** One fault injected and what followed it. Counters are what this fault added. */
    record FaultRow(
            String fault,
            int repetition,
            String what,
            long bookings,
            long answered2xx,
            long unanswered,
            int bookingsLost,
            int halfStored,
            long versionsBroken,
            long playsLost,
            long darkSeconds,
            long recoveryMillis) {}

    private final Audit audit;
    private final BookingStream bookings;
    private final AgentFleet fleet;
    private final List<FaultRow> rows = new ArrayList<>();
    private final AtomicLong darkSeconds = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-darkness");
        thread.setDaemon(true);
        return thread;
    });
    private long versionsChecked;
    private BookingVerdicts verdictsBefore = new BookingVerdicts(0, 0, 0);
    private long playsLostBefore;
    private long darkBefore;
    private long versionsBroken;

    Ledger(Audit audit, BookingStream bookings, AgentFleet fleet, long firstVersion) {
        this.audit = audit;
        this.bookings = bookings;
        this.fleet = fleet;
        this.versionsChecked = firstVersion - 1;
    }

    /** Counts, every second, the agents with nothing to play: their dark screen-seconds. */
    void startWatchingDarkness() {
        sampler.scheduleAtFixedRate(() -> darkSeconds.addAndGet(fleet.dark(Instant.now())), 1, 1, TimeUnit.SECONDS);
    }

    /** Audits after {@code fault} (injected from {@code startedAt} to {@code endedAt}, epoch millis). */
    void faultDone(Fault fault, int repetition, String what, long startedAt, long endedAt, long recoveryMillis)
            throws IOException, InterruptedException {
        List<Booking> all = bookings.bookings();
        BookingVerdicts verdicts = audit.bookings(bookings.settled());
        long broken = versionsBroken();
        long playsLost = playsLost(fleet.acknowledgedPlays());
        long dark = darkSeconds.get();
        long windowEnd = endedAt + Math.max(0, recoveryMillis);
        List<Booking> during = all.stream()
                .filter(b -> b.sentAt() >= startedAt - 2_000 && b.sentAt() <= windowEnd)
                .toList();
        FaultRow row = new FaultRow(
                fault.label(),
                repetition,
                what,
                during.size(),
                during.stream().filter(Booking::accepted).count(),
                during.stream().filter(b -> !b.accepted() && !b.refused()).count(),
                verdicts.lost() - verdictsBefore.lost(),
                verdicts.halfStored() - verdictsBefore.halfStored(),
                broken,
                playsLost - playsLostBefore,
                dark - darkBefore,
                recoveryMillis);
        rows.add(row);
        verdictsBefore = verdicts;
        playsLostBefore = playsLost;
        darkBefore = dark;
        ChaosBenchmark.log(row.toString());
    }

    /** The totals, once the fleet has stopped and uploaded what it held; {@code realAgents}: their figures. */
    Result finish(int servers, ChaosOptions options, Map<String, Object> realAgents)
            throws IOException, InterruptedException {
        sampler.shutdownNow();
        List<Booking> all = bookings.bookings();
        BookingVerdicts verdicts = audit.bookings(bookings.settled());
        List<Retry> retries = bookings.retries();
        long broken = versionsBroken();
        Set<String> acknowledged = fleet.acknowledgedPlays();
        Audit.StoredPlays stored = audit.plays();
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(stored.ids());

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("faults", rows.size());
        figures.put("servers", servers);
        figures.put("agents", fleet.size());
        figures.put("bookings", all.size());
        figures.put(
                "bookingsAnswered2xx", all.stream().filter(Booking::accepted).count());
        figures.put("bookingsRefused", all.stream().filter(Booking::refused).count());
        figures.put(
                "bookingsUnanswered",
                all.stream().filter(b -> !b.accepted() && !b.refused()).count());
        figures.put("bookingsLost", verdicts.lost());
        figures.put("halfStored", verdicts.halfStored());
        figures.put("bookingsStoredUnanswered", verdicts.storedUnanswered());
        figures.put("bookingsRetried", retries.size());
        figures.put("retriesReplayed", retries.stream().filter(Retry::replayed).count());
        figures.put("retriesBooked", retries.stream().filter(Retry::booked).count());
        figures.put("retriesRefused", retries.stream().filter(Retry::refused).count());
        figures.put(
                "retriesUnanswered",
                retries.stream().filter(retry -> !retry.answered()).count());
        figures.put("versionsBroken", broken);
        figures.put("playsAcknowledged", acknowledged.size());
        figures.put("playsStored", stored.ids().size());
        figures.put("playsLost", missing.size());
        figures.put("playsDuplicated", stored.duplicated());
        figures.put("playsPending", fleet.pendingPlays());
        figures.put("playsRejected", fleet.playsRejected());
        figures.put("darkSeconds", darkSeconds.get());
        figures.put(
                "maxRecoveryMillis",
                rows.stream().mapToLong(FaultRow::recoveryMillis).max().orElse(0));
        Map<String, Long> byFault = new LinkedHashMap<>();
        rows.forEach(row -> byFault.merge(row.fault(), row.recoveryMillis(), Math::max));
        figures.put("maxRecoveryMillisByFault", byFault);
        figures.put(
                "notRecovered",
                rows.stream().filter(row -> row.recoveryMillis() < 0).count());
        figures.putAll(realAgents);
        figures.put("repeat", options.repeat());
        figures.put("loadAverage", ChaosBenchmark.loadAverage());
        return new Result(List.copyOf(rows), figures);
    }

    /** What {@code retries} got, for a row: "retried 3: 2 replayed, 1 booked, 0 refused, 0 unanswered". */
    static String retried(List<Retry> retries) {
        return "retried " + retries.size() + ": "
                + retries.stream().filter(Retry::replayed).count() + " replayed, "
                + retries.stream().filter(Retry::booked).count() + " booked, "
                + retries.stream().filter(Retry::refused).count() + " refused, "
                + retries.stream().filter(retry -> !retry.answered()).count() + " unanswered";
    }

    /** The rows and the totals. */
    record Result(List<FaultRow> rows, Map<String, Object> figures) {}

    /** Broken versions so far: those published since the last check are read, the rest was read before. */
    private long versionsBroken() throws IOException, InterruptedException {
        long newest = audit.newestVersion();
        versionsBroken += audit.brokenVersions(versionsChecked);
        versionsChecked = newest;
        return versionsBroken;
    }

    private long playsLost(Set<String> acknowledged) throws IOException, InterruptedException {
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(audit.plays().ids());
        return missing.size();
    }
}
