package io.railcast.agent.journal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Journal entries the disk refused (full, read-only, gone), oldest first, kept in memory until it takes them again;
 * meanwhile they are sent to the server from here. At most {@code capacity} plays are started here, so an agent whose
 * disk stays broken for days cannot run out of memory: past that, a play is not recorded at all and is counted as
 * lost. The player plays one spot at a time, so only the last start refused can be followed by its finish.
 *
 * <p>Not thread-safe: {@link PlayJournal} serialises calls.
 */
final class HeldEntries {

    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final int capacity;
    private int started;
    private UUID lastRefused;
    private long lost;

    HeldEntries(int capacity) {
        this.capacity = capacity;
    }

    /** Holds {@code entry}; false if it is a play lost because the memory allowed is used up. */
    boolean add(JournalEntry entry) {
        if (entry instanceof JournalEntry.Started) {
            if (started >= capacity) {
                lastRefused = entry.playId();
                lost++;
                return false;
            }
            started++;
        } else if (entry.playId().equals(lastRefused)) {
            return false;
        }
        entries.addLast(entry);
        return true;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    JournalEntry oldest() {
        return entries.getFirst();
    }

    void removeOldest() {
        forgot(entries.removeFirst());
    }

    /** Offers every entry, oldest first, until {@code more} answers false. */
    void forEach(Predicate<JournalEntry> more) {
        for (JournalEntry entry : entries) {
            if (!more.test(entry)) {
                return;
            }
        }
    }

    /** Removes the entries of {@code playIds}; answers how many finished plays were removed. */
    int remove(Collection<UUID> playIds) {
        int finished = 0;
        for (Iterator<JournalEntry> it = entries.iterator(); it.hasNext(); ) {
            JournalEntry entry = it.next();
            if (playIds.contains(entry.playId())) {
                it.remove();
                forgot(entry);
                if (entry instanceof JournalEntry.Finished) {
                    finished++;
                }
            }
        }
        return finished;
    }

    /** Plays not recorded at all since the agent started, because this memory was used up. */
    long lost() {
        return lost;
    }

    private void forgot(JournalEntry entry) {
        if (entry instanceof JournalEntry.Started) {
            started--;
        }
    }
}
