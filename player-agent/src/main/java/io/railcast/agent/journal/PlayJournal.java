package io.railcast.agent.journal;

import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.PlayRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The durable record of every spot the agent started and finished, kept until the server has acknowledged it.
 *
 * <p>Records are appended to numbered segment files in one directory ({@link SegmentFiles}) and forced to the device
 * before a call returns, so they survive kill -9 and power loss. On open, a torn last record is cut off, and a play
 * that started but never finished is closed as interrupted with length 0. Acknowledged plays are removed by rewriting
 * their segment atomically: a crash leaves the old segment or the new, so at worst an acknowledged play is sent again,
 * which the server stores once because its id is stable. Plays the server rejects are moved to
 * {@code rejected.journal} for an operator and never sent again.
 *
 * <p>A disk that refuses a write (full, read-only) does not lose the play: the entry is held in memory
 * ({@link HeldEntries}, at most {@value #DEFAULT_HELD_PLAYS} plays), sent to the server from there like any other,
 * and written out, oldest first, as soon as the disk takes writes again. Only held plays not yet acknowledged when
 * the agent stops are lost, and plays past the memory allowed.
 *
 * <p>Thread-safe: the player appends while the uploader reads and acknowledges.
 */
public final class PlayJournal implements Closeable {

    static final long DEFAULT_SEGMENT_BYTES = 256 * 1024;
    static final int DEFAULT_HELD_PLAYS = 50_000;

    private static final System.Logger LOG = System.getLogger(PlayJournal.class.getName());

    private final SegmentFiles disk;
    private final HeldEntries held;
    /** Plays acknowledged whose removal the disk refused (a rewrite needs room). */
    private final Set<UUID> unremoved = new HashSet<>();

    private long backlog;
    private boolean diskRefuses;

    private PlayJournal(SegmentFiles disk, HeldEntries held) {
        this.disk = disk;
        this.held = held;
    }

    public static PlayJournal open(Path directory) throws IOException {
        return open(directory, DEFAULT_SEGMENT_BYTES, DEFAULT_HELD_PLAYS);
    }

    public static PlayJournal open(Path directory, long segmentBytes) throws IOException {
        return open(directory, segmentBytes, DEFAULT_HELD_PLAYS);
    }

    static PlayJournal open(Path directory, long segmentBytes, int heldPlays) throws IOException {
        Files.createDirectories(directory);
        SegmentFiles.Recovered recovered = SegmentFiles.open(directory, segmentBytes);
        PlayJournal journal = new PlayJournal(recovered.files(), new HeldEntries(heldPlays));
        journal.backlog = recovered.finished();
        for (UUID interrupted : recovered.interrupted()) {
            journal.finish(new JournalEntry.Finished(interrupted, 0, true));
        }
        return journal;
    }

    public synchronized void started(PlayStart play) {
        record(new JournalEntry.Started(play));
    }

    public synchronized void finished(UUID playId, long durationMillis) {
        finish(new JournalEntry.Finished(playId, durationMillis, false));
    }

    /**
     * Finished plays not yet acknowledged, oldest first, at most {@code max} of them: those on disk, then those held
     * in memory. A disk that cannot be read does not hold back the plays in memory.
     */
    public synchronized List<PlayRecord> unsent(int max) {
        List<PlayRecord> plays = new ArrayList<>();
        Map<UUID, PlayStart> starts = new HashMap<>();
        Predicate<JournalEntry> pair = entry -> {
            if (entry instanceof JournalEntry.Started started) {
                starts.put(started.playId(), started.play());
            } else if (entry instanceof JournalEntry.Finished finished
                    && starts.containsKey(finished.playId())
                    && !unremoved.contains(finished.playId())) {
                plays.add(starts.remove(finished.playId()).finished(finished.durationMillis()));
            }
            return plays.size() < max;
        };
        try {
            disk.forEach(pair);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the journal's disk (" + e + "); sending the held plays");
        }
        if (plays.size() < max) {
            held.forEach(pair);
        }
        return plays;
    }

    /**
     * Deletes the plays the server accepted or already had. Unknown ids are ignored. Plays whose segment the disk
     * cannot rewrite now are deleted with a later acknowledgement, and not sent again meanwhile.
     */
    public synchronized void acknowledge(Collection<UUID> playIds) {
        forget(new HashSet<>(playIds));
    }

    /** Moves plays the server rejected out of the journal, keeping them with the reason for an operator. */
    public synchronized void setAside(Map<UUID, String> reasons, Collection<PlayRecord> plays) {
        List<byte[]> frames = new ArrayList<>();
        for (PlayRecord play : plays) {
            String reason = reasons.get(play.playId());
            if (reason != null) {
                Map<String, Object> json = play.toJson();
                json.put("reason", reason);
                frames.add(JournalSegment.frame(JsonObject.write(json)));
            }
        }
        try {
            disk.setAside(frames);
        } catch (IOException e) {
            refused(e);
            LOG.log(System.Logger.Level.ERROR, "rejected plays kept in this log only: " + reasons);
        }
        forget(new HashSet<>(reasons.keySet()));
    }

    /**
     * Finished plays on disk or held in memory, waiting for the server's acknowledgement or, while the disk refuses to
     * rewrite a segment, for their removal.
     */
    public synchronized long backlog() {
        return backlog;
    }

    /** Entries held in memory because the disk refused them. */
    public synchronized int held() {
        return held.size();
    }

    /** Plays not recorded at all because the disk refused them and the memory allowed was used up. */
    public synchronized long lost() {
        return held.lost();
    }

    @Override
    public synchronized void close() throws IOException {
        if (!held.isEmpty()) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    held.size() + " journal entries held in memory, as the disk refused them, are lost with this stop");
        }
        disk.close();
    }

    private void finish(JournalEntry.Finished entry) {
        if (record(entry)) {
            backlog++;
        }
    }

    /** Writes {@code entry} to disk, or holds it while the disk refuses writes; false if it could not be kept. */
    private boolean record(JournalEntry entry) {
        if (writeHeld()) {
            try {
                disk.append(entry);
                return true;
            } catch (IOException e) {
                refused(e);
            }
        }
        return held.add(entry);
    }

    /** Writes the held entries to disk, oldest first; true when none is left. */
    private boolean writeHeld() {
        int written = 0;
        while (!held.isEmpty()) {
            try {
                disk.append(held.oldest());
            } catch (IOException e) {
                refused(e);
                return false;
            }
            held.removeOldest();
            written++;
        }
        if (diskRefuses) {
            diskRefuses = false;
            LOG.log(
                    System.Logger.Level.INFO,
                    "the journal's disk takes writes again; " + written + " entries held in memory written");
        }
        return true;
    }

    private void refused(IOException e) {
        if (!diskRefuses) {
            diskRefuses = true;
            LOG.log(
                    System.Logger.Level.ERROR,
                    "the journal's disk refuses writes (" + e + "); plays are held in memory and sent from there"
                            + " until it takes them again");
        }
    }

    private void forget(Set<UUID> playIds) {
        backlog -= held.remove(playIds);
        Set<UUID> pending = new HashSet<>(unremoved);
        pending.addAll(playIds);
        int before = pending.size();
        unremoved.clear();
        try {
            disk.remove(pending); // takes out of pending the plays it removed whole
        } catch (IOException e) {
            unremoved.addAll(pending); // retried with the next acknowledgement, and not sent again meanwhile
            refused(e);
        }
        backlog -= before - pending.size();
    }
}
