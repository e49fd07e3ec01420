package io.railcast.agent.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive kill -9 and power loss: data is forced to the device before it is relied on, files are replaced
 * by renaming a complete temporary file over them, and the directory is forced so the rename itself is durable.
 */
public final class DurableFiles {

    public static final String TEMP_SUFFIX = ".tmp";

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private DurableFiles() {}

    /** Replaces {@code target} with {@code content}: a reader sees either the old file or the new, never a mix. */
    public static void writeAtomically(Path target, byte[]... content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (byte[] part : content) {
                writeFully(channel, ByteBuffer.wrap(part));
            }
            channel.force(true);
        }
        moveAtomically(temp, target);
    }

    /** Renames a file already forced to the device, then forces the directory so the new name survives a crash. */
    static void moveAtomically(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    public static void deleteDurably(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            forceDirectory(file.toAbsolutePath().getParent());
        }
    }

    public static void forceDirectory(Path directory) throws IOException {
        // POSIX systems let a directory be opened and fsynced, which makes a create or rename durable; Windows
        // refuses to open one, and there NTFS journals the rename itself, as a file system in memory needs none
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!WINDOWS && directory.getFileSystem().equals(FileSystems.getDefault())) {
                throw e;
            }
        }
    }

    public static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
