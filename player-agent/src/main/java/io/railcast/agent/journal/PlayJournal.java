package io.railcast.agent.journal;

import io.railcast.agent.cache.DurableFiles;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.PlayRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The durable record of every spot the agent started and finished, kept until the server has acknowledged it.
 *
 * <p>Records are appended to numbered segment files in one directory and forced to the device before a call returns,
 * so they survive kill -9 and power loss. On open, a torn last record is cut off, and a play that started but never
 * finished is closed as interrupted with length 0. Acknowledged plays are removed by rewriting their segment through
 * a temporary file and an atomic rename: a crash leaves the old segment or the new, so at worst an acknowledged play is
 * sent again, which the server stores once because its id is stable. Plays the server rejects are moved to
 * {@code rejected.journal} for an operator and never sent again.
 *
 * <p>Thread-safe: the player appends while the uploader reads and acknowledges.
 */
public final class PlayJournal implements Closeable {

    static final long DEFAULT_SEGMENT_BYTES = 256 * 1024;

    private static final System.Logger LOG = System.getLogger(PlayJournal.class.getName());
    private static final String SEGMENT_SUFFIX = ".journal";
    private static final String REJECTED = "rejected.journal";

    private final Path directory;
    private final long segmentBytes;
    private FileChannel active;
    private Path activePath;
    private long backlog;

    private PlayJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    public static PlayJournal open(Path directory) throws IOException {
        return open(directory, DEFAULT_SEGMENT_BYTES);
    }

    public static PlayJournal open(Path directory, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        PlayJournal journal = new PlayJournal(directory, segmentBytes);
        journal.recover();
        return journal;
    }

    public synchronized void started(PlayStart play) throws IOException {
        append(new JournalEntry.Started(play));
    }

    public synchronized void finished(UUID playId, long durationMillis) throws IOException {
        append(new JournalEntry.Finished(playId, durationMillis, false));
        backlog++;
    }

    /** Finished plays not yet acknowledged, oldest first, at most {@code max} of them. */
    public synchronized List<PlayRecord> unsent(int max) throws IOException {
        List<PlayRecord> plays = new ArrayList<>();
        Map<UUID, PlayStart> starts = new LinkedHashMap<>();
        for (Path segment : segments()) {
            for (JournalEntry entry : JournalSegment.scan(segment).entries()) {
                if (entry instanceof JournalEntry.Started started) {
                    starts.put(started.playId(), started.play());
                } else if (entry instanceof JournalEntry.Finished finished && starts.containsKey(finished.playId())) {
                    plays.add(starts.remove(finished.playId()).finished(finished.durationMillis()));
                    if (plays.size() == max) {
                        return plays;
                    }
                }
            }
        }
        return plays;
    }

    /** Deletes the plays the server accepted or already had. Unknown ids are ignored. */
    public synchronized void acknowledge(Collection<UUID> playIds) throws IOException {
        remove(new HashSet<>(playIds));
    }

    /** Moves plays the server rejected out of the journal, keeping them with the reason for an operator. */
    public synchronized void setAside(Map<UUID, String> reasons, Collection<PlayRecord> plays) throws IOException {
        Path file = directory.resolve(REJECTED);
        boolean created = !Files.exists(file);
        try (FileChannel rejected = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (PlayRecord play : plays) {
                String reason = reasons.get(play.playId());
                if (reason != null) {
                    Map<String, Object> json = play.toJson();
                    json.put("reason", reason);
                    DurableFiles.writeFully(rejected, ByteBuffer.wrap(JournalSegment.frame(JsonObject.write(json))));
                }
            }
            rejected.force(true);
        }
        if (created) {
            DurableFiles.forceDirectory(directory);
        }
        remove(new HashSet<>(reasons.keySet()));
    }

    /** Finished plays waiting for the server's acknowledgement. */
    public synchronized long backlog() {
        return backlog;
    }

    @Override
    public synchronized void close() throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
    }

    private void recover() throws IOException {
        try (Stream<Path> leftovers = Files.list(directory)) {
            for (Path temp : leftovers
                    .filter(p -> p.toString().endsWith(DurableFiles.TEMP_SUFFIX))
                    .toList()) {
                Files.delete(temp); // a rewrite cut by a crash: the segment it was replacing is still whole
            }
        }
        Map<UUID, PlayStart> open = new LinkedHashMap<>();
        for (Path segment : segments()) {
            JournalSegment.Scan scan = JournalSegment.scan(segment);
            if (scan.torn()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "dropping a torn record at the end of " + segment + " ("
                                + (scan.fileLength() - scan.validLength()) + " bytes), left by a crash or power loss");
                try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    channel.truncate(scan.validLength());
                    channel.force(true);
                }
            }
            for (JournalEntry entry : scan.entries()) {
                if (entry instanceof JournalEntry.Started started) {
                    open.put(started.playId(), started.play());
                } else if (open.remove(entry.playId()) != null) {
                    backlog++;
                }
            }
        }
        openActive();
        for (UUID interrupted : open.keySet()) {
            append(new JournalEntry.Finished(interrupted, 0, true));
            backlog++;
        }
    }

    private void remove(Set<UUID> playIds) throws IOException {
        for (Path segment : segments()) {
            if (playIds.isEmpty()) {
                return;
            }
            List<JournalEntry> entries = JournalSegment.scan(segment).entries();
            List<JournalEntry> kept = new ArrayList<>(entries.size());
            for (JournalEntry entry : entries) {
                if (!playIds.contains(entry.playId())) {
                    kept.add(entry);
                } else if (entry instanceof JournalEntry.Finished) {
                    playIds.remove(entry.playId()); // its start came earlier, so the play is gone whole
                    backlog--;
                }
            }
            if (kept.size() < entries.size()) {
                rewrite(segment, kept);
            }
        }
    }

    private void rewrite(Path segment, List<JournalEntry> kept) throws IOException {
        boolean isActive = segment.equals(activePath);
        if (isActive) {
            active.close();
        }
        if (kept.isEmpty() && !isActive) {
            DurableFiles.deleteDurably(segment);
            return;
        }
        byte[][] frames = kept.stream().map(JournalSegment::frame).toArray(byte[][]::new);
        DurableFiles.writeAtomically(segment, frames);
        if (isActive) {
            active = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private void append(JournalEntry entry) throws IOException {
        DurableFiles.writeFully(active, ByteBuffer.wrap(JournalSegment.frame(entry)));
        active.force(true);
        if (active.size() >= segmentBytes) {
            active.close();
            activePath = directory.resolve(segmentName(number(activePath) + 1));
            createActive();
        }
    }

    private void openActive() throws IOException {
        List<Path> segments = segments();
        if (segments.isEmpty()) {
            activePath = directory.resolve(segmentName(1));
            createActive();
        } else {
            activePath = segments.get(segments.size() - 1);
            active = FileChannel.open(activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private void createActive() throws IOException {
        active = FileChannel.open(
                activePath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        DurableFiles.forceDirectory(directory);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{10}\\" + SEGMENT_SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static String segmentName(long number) {
        return String.format("%010d%s", number, SEGMENT_SUFFIX);
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length()));
    }
}
