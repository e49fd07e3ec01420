package io.railcast.agent.journal;

import io.railcast.agent.cache.DurableFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The journal on disk: numbered segment files of framed entries ({@link JournalSegment}) in one directory, each
 * append forced to the device before it returns. Only the last segment is appended to. A write the disk refuses (full,
 * read-only) is cut off again where the disk allows it, and the segment is never appended to after a failure: the
 * next append opens the next segment, so a torn record can only ever be a segment's last and is cut on the next open.
 * Removing entries rewrites their segment through a temporary file and an atomic rename, so a crash leaves the old
 * segment or the new.
 *
 * <p>Not thread-safe: {@link PlayJournal} serialises calls.
 */
final class SegmentFiles implements Closeable {

    private static final System.Logger LOG = System.getLogger(SegmentFiles.class.getName());
    private static final String SEGMENT_SUFFIX = ".journal";
    private static final String REJECTED = "rejected.journal";

    private final Path directory;
    private final long segmentBytes;
    /** The segment appended to: the last one. Null before the first. */
    private Path activePath;
    /** Open on {@link #activePath}, or null when the next append opens it again or the next segment. */
    private FileChannel active;
    /** Whether {@link #activePath} ends with a whole record and is not full, so an append may open it again. */
    private boolean appendable;

    /** What the files held at open: plays finished and not acknowledged, plays started and never finished. */
    record Recovered(SegmentFiles files, long finished, List<UUID> interrupted) {}

    private SegmentFiles(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Opens the segments of {@code directory}, cutting torn tails left by a crash, power loss or a full disk. A disk
     * that refuses writes now is no reason not to open: what is on it is read, and appends fail until it takes them.
     */
    static Recovered open(Path directory, long segmentBytes) throws IOException {
        SegmentFiles files = new SegmentFiles(directory, segmentBytes);
        files.deleteLeftovers();
        Map<UUID, Boolean> open = new LinkedHashMap<>();
        long finished = 0;
        boolean lastWhole = true;
        for (Path segment : files.segments()) {
            JournalSegment.Scan scan = JournalSegment.scan(segment);
            lastWhole = !scan.torn() || cutTornTail(segment, scan);
            for (JournalEntry entry : scan.entries()) {
                if (entry instanceof JournalEntry.Started) {
                    open.put(entry.playId(), Boolean.TRUE);
                } else if (open.remove(entry.playId()) != null) {
                    finished++;
                }
            }
            files.activePath = segment;
        }
        files.appendable = files.activePath != null && lastWhole && Files.size(files.activePath) < segmentBytes;
        if (files.appendable) {
            try {
                files.active = FileChannel.open(files.activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot append to " + files.activePath + " now (" + e + ")");
            }
        }
        return new Recovered(files, finished, List.copyOf(open.keySet()));
    }

    /** Appends and forces one entry; on failure the segment ends with its last whole record, or is left. */
    void append(JournalEntry entry) throws IOException {
        if (active == null) {
            openActive();
        }
        long before = active.size();
        try {
            DurableFiles.writeFully(active, ByteBuffer.wrap(JournalSegment.frame(entry)));
            active.force(true);
        } catch (IOException e) {
            abandonActive(before);
            throw e;
        }
        if (active.size() >= segmentBytes) {
            active.close();
            active = null;
            appendable = false;
        }
    }

    /** Offers every entry, oldest first, until {@code more} answers false. */
    void forEach(Predicate<JournalEntry> more) throws IOException {
        for (Path segment : segments()) {
            for (JournalEntry entry : JournalSegment.scan(segment).entries()) {
                if (!more.test(entry)) {
                    return;
                }
            }
        }
    }

    /**
     * Removes the entries of {@code playIds}, taking out of it each play removed whole (its finish found), also when a
     * later segment's rewrite fails.
     */
    void remove(Set<UUID> playIds) throws IOException {
        for (Path segment : segments()) {
            if (playIds.isEmpty()) {
                break;
            }
            List<JournalEntry> entries = JournalSegment.scan(segment).entries();
            List<JournalEntry> kept = new ArrayList<>(entries.size());
            List<UUID> removedWhole = new ArrayList<>();
            for (JournalEntry entry : entries) {
                if (!playIds.contains(entry.playId())) {
                    kept.add(entry);
                } else if (entry instanceof JournalEntry.Finished) {
                    removedWhole.add(entry.playId()); // its start came earlier, so the play is gone whole
                }
            }
            if (kept.size() < entries.size()) {
                rewrite(segment, kept);
                removedWhole.forEach(playIds::remove);
            }
        }
    }

    /** Appends records to {@code rejected.journal}, kept for an operator. */
    void setAside(List<byte[]> frames) throws IOException {
        Path file = directory.resolve(REJECTED);
        boolean created = !Files.exists(file);
        try (FileChannel rejected = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (byte[] frame : frames) {
                DurableFiles.writeFully(rejected, ByteBuffer.wrap(frame));
            }
            rejected.force(true);
        }
        if (created) {
            DurableFiles.forceDirectory(directory);
        }
    }

    @Override
    public void close() throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
    }

    /** Opens the last segment again after a refused write, or creates the next one. */
    private void openActive() throws IOException {
        if (appendable) {
            active = FileChannel.open(activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return;
        }
        Path next = directory.resolve(segmentName(activePath == null ? 1 : number(activePath) + 1));
        // not CREATE_NEW: an attempt the disk refused may have left it, empty
        FileChannel channel =
                FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            DurableFiles.forceDirectory(directory);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        active = channel;
        activePath = next;
        appendable = true;
    }

    /** After a refused write: cuts what the disk took of the record, or leaves the segment for the next one. */
    private void abandonActive(long before) {
        try (FileChannel failed = active) {
            failed.truncate(before);
            failed.force(true);
        } catch (IOException e) {
            appendable = false; // a torn record stays at its end until the next open cuts it
        }
        active = null;
    }

    private void rewrite(Path segment, List<JournalEntry> kept) throws IOException {
        boolean isOpen = active != null && segment.equals(activePath);
        if (kept.isEmpty() && !isOpen) {
            DurableFiles.deleteDurably(segment);
            if (segment.equals(activePath)) {
                appendable = false; // the next append creates the next number
            }
            return;
        }
        if (isOpen) {
            active.close();
            active = null;
        }
        byte[][] frames = kept.stream().map(JournalSegment::frame).toArray(byte[][]::new);
        DurableFiles.writeAtomically(segment, frames);
        if (isOpen) {
            active = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    private static boolean cutTornTail(Path segment, JournalSegment.Scan scan) {
        LOG.log(
                System.Logger.Level.WARNING,
                "dropping a torn record at the end of " + segment + " (" + (scan.fileLength() - scan.validLength())
                        + " bytes), left by a crash, power loss or a full disk");
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(scan.validLength());
            channel.force(true);
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot cut it now (" + e + "); the next segment is appended to");
            return false;
        }
    }

    private void deleteLeftovers() throws IOException {
        try (Stream<Path> leftovers = Files.list(directory)) {
            for (Path temp : leftovers
                    .filter(p -> p.toString().endsWith(DurableFiles.TEMP_SUFFIX))
                    .toList()) {
                try {
                    Files.delete(temp); // a rewrite cut by a crash: the segment it was replacing is still whole
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot delete " + temp + " (" + e + ")");
                }
            }
        }
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
