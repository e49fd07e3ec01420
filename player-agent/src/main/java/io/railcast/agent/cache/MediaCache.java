package io.railcast.agent.cache;

import io.railcast.agent.net.MediaSource;
import io.railcast.agent.net.ServerRefusal;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Media files by content: {@code media/<sha256>}, at most {@code maxBytes} in all.
 *
 * <p>A file is downloaded to {@code <sha256>.part}, resumed with a {@code Range} request after an interruption, and
 * renamed to its digest only once its size and SHA-256 are right, so a file under its final name is always verified.
 * A file that does not match is deleted and fetched again on the next attempt. Room is made by evicting, oldest first,
 * files that no schedule the agent holds needs ({@link #keep}); if the needed files alone do not fit, the download is
 * refused and the version waits instead of being played without its media.
 *
 * <p>Thread-safe: one thread downloads while the player and the heartbeat read.
 */
public final class MediaCache {

    private static final System.Logger LOG = System.getLogger(MediaCache.class.getName());
    private static final String PART = ".part";

    private final Path directory;
    private final long maxBytes;
    private volatile Set<String> needed = Set.of();
    private volatile Set<String> takeovers = Set.of();

    /** The cache needs no network to say what it holds, so an agent can play before its HTTP client exists. */
    public MediaCache(Path directory, long maxBytes) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.maxBytes = maxBytes;
    }

    /** A downloaded file whose size or digest is not what the schedule says; it has been deleted. */
    static final class Mismatch extends IOException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    /** The files the schedules in the horizon need do not fit in the cache's bound. */
    static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full(String message) {
            super(message);
        }
    }

    public record Usage(long files, long bytes) {}

    /** Where files live: a file named by a digest there is complete and verified. */
    public Path directory() {
        return directory;
    }

    public Path file(MediaFile media) {
        return directory.resolve(media.sha256());
    }

    public boolean has(MediaFile media) {
        try {
            return Files.size(file(media)) == media.size();
        } catch (IOException e) {
            return false;
        }
    }

    /** How many distinct files of the schedule are not yet here and verified. */
    public int missing(Schedule schedule) {
        return (int) distinct(schedule.media().values()).stream()
                .filter(media -> !has(media))
                .count();
    }

    /** Sets what the schedules the agent holds need: those files are never evicted. */
    public void keep(Set<String> digests) {
        needed = Set.copyOf(digests);
    }

    /** Sets what the takeovers the agent holds need: never evicted either, whatever {@link #keep} says. */
    public void keepForTakeovers(Set<String> digests) {
        takeovers = Set.copyOf(digests);
    }

    /** Fetches one file unless it is here and verified already. */
    public void prefetch(MediaFile media, MediaSource source) throws IOException, InterruptedException {
        fetch(media, source);
    }

    /**
     * Fetches every missing file of the schedule; tries them all before failing with the first problem, except when the
     * server says it is overloaded or refuses the token: then it stops at once rather than ask for the next file.
     */
    public void prefetch(Schedule schedule, MediaSource source) throws IOException, InterruptedException {
        IOException first = null;
        for (MediaFile media : distinct(schedule.media().values())) {
            try {
                fetch(media, source);
            } catch (ServerRefusal refusal) {
                if (refusal.retryAfter().isPresent()
                        || refusal.status() == 429
                        || refusal.status() == 503
                        || refusal.tokenRejected()) {
                    throw refusal;
                }
                first = first == null ? refusal : first;
            } catch (IOException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "media " + media.creative() + " of version " + schedule.version() + " not cached yet: "
                                + ServerRefusal.describe(e));
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    synchronized void fetch(MediaFile media, MediaSource source) throws IOException, InterruptedException {
        if (has(media)) {
            return;
        }
        Files.deleteIfExists(file(media)); // a file of the wrong size under a digest name was damaged on disk
        Path part = directory.resolve(media.sha256() + PART);
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > media.size()) {
            Files.delete(part);
            have = 0;
        }
        if (have < media.size()) {
            makeRoom(media.size() - have);
            download(source, media, part, have);
        }
        verify(media, part);
        DurableFiles.moveAtomically(part, file(media));
    }

    /** Not synchronized: the heartbeat must not wait for a download to finish. */
    public Usage usage() throws IOException {
        long bytes = 0;
        long files = 0;
        for (Path file : files()) {
            bytes += sizeOrZero(file); // a file may go between listing and looking: a rename or an eviction
            files += file.getFileName().toString().endsWith(PART) ? 0 : 1;
        }
        return new Usage(files, bytes);
    }

    private void download(MediaSource source, MediaFile media, Path part, long have)
            throws IOException, InterruptedException {
        MediaSource.Body body;
        try {
            body = source.open(media, have);
        } catch (ServerRefusal refusal) {
            if (refusal.status() == 416) {
                Files.deleteIfExists(part); // the part is not a prefix of the server's file: start over next time
            }
            throw refusal;
        }
        boolean tooLong = false;
        try (InputStream in = body.stream();
                FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long position = body.partial() ? have : 0;
            out.truncate(position);
            out.position(position);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (!tooLong && (n = in.read(buffer)) >= 0) {
                tooLong = position + n > media.size();
                if (!tooLong) {
                    DurableFiles.writeFully(out, ByteBuffer.wrap(buffer, 0, n));
                    position += n;
                }
            }
            out.force(true);
        }
        if (tooLong) {
            Files.delete(part);
            throw new Mismatch(media.creative() + " is longer than its announced " + media.size() + " bytes");
        }
    }

    private void verify(MediaFile media, Path part) throws IOException {
        long size = Files.size(part);
        if (size < media.size()) {
            throw new IOException(media.creative() + " stopped at " + size + " of " + media.size() + " bytes; the"
                    + " next attempt resumes there");
        }
        String digest = sha256(part);
        if (!digest.equals(media.sha256())) {
            Files.delete(part);
            throw new Mismatch(media.creative() + " has SHA-256 " + digest + ", not " + media.sha256() + "; deleted");
        }
    }

    private void makeRoom(long bytes) throws IOException {
        long used = usage().bytes();
        if (used + bytes <= maxBytes) {
            return;
        }
        List<Path> evictable = new ArrayList<>();
        for (Path file : files()) {
            String digest = file.getFileName().toString().replace(PART, "");
            if (!needed.contains(digest) && !takeovers.contains(digest)) {
                evictable.add(file);
            }
        }
        evictable.sort(Comparator.comparing(MediaCache::lastModified));
        for (Path file : evictable) {
            long size = Files.size(file);
            Files.delete(file);
            used -= size;
            LOG.log(
                    System.Logger.Level.INFO,
                    "evicted " + file.getFileName() + " (" + size + " bytes): no schedule"
                            + " in the horizon needs it");
            if (used + bytes <= maxBytes) {
                return;
            }
        }
        throw new Full("the cache's " + maxBytes + " bytes cannot hold another " + bytes + " bytes beside the " + used
                + " bytes the schedules in the horizon need");
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Collection<MediaFile> distinct(Collection<MediaFile> media) {
        Map<String, MediaFile> byDigest = new LinkedHashMap<>();
        media.forEach(file -> byDigest.putIfAbsent(file.sha256(), file));
        return byDigest.values();
    }

    private static java.nio.file.attribute.FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
