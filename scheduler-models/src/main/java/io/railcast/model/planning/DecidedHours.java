package io.railcast.model.planning;

import io.railcast.model.solver.SolvedHour;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger of decided hours: what a solver of one {@link #revision()} decided for each hour problem met by the
 * whole-flight check, by the problem's content ({@link HourKey}), so that a problem met again — in this process, on
 * another instance, or after a restart — is not solved again. The server keeps it in PostgreSQL
 * ({@link #drainUnsaved()} gives what to write, {@link #load} reads it back); a decision is a function of its key, so
 * instances may write the same one in any order.
 *
 * <p>Bounded by least recent use: past {@code capacity} decisions, the one used longest ago is dropped (here, and by
 * the store, which orders by the day each was last used). Thread-safe: the planning thread reads and decides while
 * the store loads and drains.
 */
public final class DecidedHours {

    /** A decision as stored: its key, its text ({@link HourDecision}) and the day it was last used. */
    public record Row(HourKey key, String decision, LocalDate lastUsed) {}

    private static final class Entry {
        final SolvedHour hour;
        long usedDay;

        Entry(SolvedHour hour, long usedDay) {
            this.hour = hour;
            this.usedDay = usedDay;
        }
    }

    private static final int DECODED_LIMIT = 10_000;

    private final String revision;
    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<HourKey, Entry> entries;
    private final Map<HourKey, Entry> unsaved = new LinkedHashMap<>();
    // decisions read back, by their text: most hours decide alike (placed whole), so they share one object
    private final Map<String, SolvedHour> decoded = new HashMap<>();
    private long found;
    private long decided;

    /** @param revision the revision of the solver whose decisions these are ({@code HourSolver#revision()}) */
    public DecidedHours(String revision, int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ledger keeps at least one decision, got " + capacity);
        }
        this.revision = revision;
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<HourKey, Entry> eldest) {
                return size() > DecidedHours.this.capacity;
            }
        };
    }

    public String revision() {
        return revision;
    }

    public int capacity() {
        return capacity;
    }

    /** The decision for {@code key}, null when none is known; a use is saved once a day. */
    synchronized SolvedHour find(HourKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        found++;
        long today = today();
        if (entry.usedDay < today) {
            entry.usedDay = today;
            unsaved.put(key, entry);
        }
        return entry.hour;
    }

    /** Keeps a decision just made (with no plan), to be saved. */
    synchronized void decided(HourKey key, SolvedHour hour) {
        Entry entry = new Entry(hour, today());
        entries.put(key, entry);
        unsaved.put(key, entry);
        decided++;
    }

    /**
     * Adds a stored decision, unless one is known already. Rows loaded oldest use first end up ordered by use, so
     * that past the capacity the oldest are the ones dropped.
     *
     * @throws IllegalArgumentException when its text is not a decision
     */
    public synchronized void load(Row row) {
        if (!entries.containsKey(row.key())) {
            entries.put(
                    row.key(),
                    new Entry(
                            HourDecision.decode(row.decision()), row.lastUsed().toEpochDay()));
        }
    }

    /** The decisions made or used since the last drain, to write (the store keeps the later of two use days). */
    public synchronized List<Row> drainUnsaved() {
        List<Row> rows = new ArrayList<>(unsaved.size());
        unsaved.forEach((key, entry) ->
                rows.add(new Row(key, HourDecision.encode(entry.hour), LocalDate.ofEpochDay(entry.usedDay))));
        unsaved.clear();
        return rows;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many problems were answered from the ledger, and how many decided and added to it, since it was made. */
    public synchronized long found() {
        return found;
    }

    public synchronized long decidedCount() {
        return decided;
    }

    private long today() {
        return LocalDate.now(clock).toEpochDay();
    }
}
