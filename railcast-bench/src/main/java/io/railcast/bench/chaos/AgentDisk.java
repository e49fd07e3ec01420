package io.railcast.bench.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real agent's cache directory on a tmpfs of its own (64 MiB), with the two faults of its disk: full (a file fills
 * what is free) and read-only ({@code mount -o remount,ro}). Runs mount(8), so the benchmark must run as root.
 */
final class AgentDisk {

    private static final String SIZE = "64m";
    private static final String FILLER = ".chaos-filler";

    private final Path directory;
    private boolean mounted;

    AgentDisk(Path directory) {
        this.directory = directory;
    }

    /** Mounts the tmpfs on the directory; null when done, else why not. */
    String mount() {
        String refused = run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", directory.toString());
        mounted = refused == null;
        return refused;
    }

    /** Unmounts it (lazily, so a process still holding a file cannot keep it mounted); quiet on failure. */
    synchronized void unmount() {
        if (mounted) {
            run("mount", "-o", "remount,rw", directory.toString());
            run("umount", "-l", directory.toString());
            mounted = false;
        }
    }

    Path directory() {
        return directory;
    }

    /** Writes a file until the disk refuses a byte more; answers the bytes written. */
    long fill() throws IOException {
        long written = 0;
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(directory.resolve(FILLER))) {
            for (int size = block.length; size > 0; ) {
                try {
                    out.write(block, 0, size);
                    out.flush();
                    written += size;
                } catch (IOException full) {
                    size /= 2; // what is left is less than this: try smaller, down to a byte
                }
            }
        } catch (IOException closeOnFullDisk) {
            // closing a stream on a full disk may fail; the bytes are there
        }
        return written;
    }

    /** Deletes what {@link #fill} wrote. */
    void empty() throws IOException {
        Files.deleteIfExists(directory.resolve(FILLER));
    }

    /** {@code mount -o remount,ro}; null when done, else mount's refusal (busy while a file is open for writing). */
    String readOnly() {
        return run("mount", "-o", "remount,ro", directory.toString());
    }

    /** {@code mount -o remount,rw}; null when done, else why not. */
    String readWrite() {
        return run("mount", "-o", "remount,rw", directory.toString());
    }

    /** Runs a command; null when it exits 0, else its first line of output (or its exit status). */
    private static String run(String... command) {
        List<String> words = new ArrayList<>(List.of(command));
        try {
            Process process =
                    new ProcessBuilder(words).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = process.waitFor();
            if (status == 0) {
                return null;
            }
            return output.isEmpty()
                    ? String.join(" ", words) + ": exit " + status
                    : output.lines().findFirst().get();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
