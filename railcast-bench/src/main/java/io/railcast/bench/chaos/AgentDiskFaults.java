package io.railcast.bench.chaos;

import java.io.IOException;
import java.time.Duration;

/**
 * The faults of a real agent's disk, one agent in turn per repetition: {@code agent-disk-full} and
 * {@code agent-disk-readonly}. Skipped, and said so, when the caches are not on tmpfs of their own.
 */
final class AgentDiskFaults {

    /** How long read-only is tried alone before the disk is filled to make the journal let go of its segment. */
    private static final Duration TRY_READ_ONLY = Duration.ofSeconds(5);

    private final RealAgents agents;
    private final Duration faultFor;

    AgentDiskFaults(RealAgents agents, Duration faultFor) {
        this.agents = agents;
        this.faultFor = faultFor;
    }

    /** Fills the disk for the fault's time, then deletes the filler; says what it did. */
    String full(int repetition) throws IOException, InterruptedException {
        if (!agents.disksMounted()) {
            return "skipped: " + agents.whyNotMounted();
        }
        AgentDisk disk = agents.disk(repetition);
        long bytes = disk.fill();
        Thread.sleep(faultFor.toMillis());
        disk.empty();
        return disk.directory().getParent().getFileName() + "'s disk full (" + (bytes >> 20) + " MiB filler) "
                + faultFor.toSeconds() + " s";
    }

    /**
     * Remounts the disk read-only for the fault's time, then read-write. Linux refuses ({@code busy}) while a file is
     * open for writing there, and the journal keeps its segment open between appends: after {@link #TRY_READ_ONLY}
     * of refusals the disk is filled too, so that the journal's next append fails and closes the segment, and the
     * remount is tried until it passes or the time is up.
     */
    String readOnly(int repetition) throws IOException, InterruptedException {
        if (!agents.disksMounted()) {
            return "skipped: " + agents.whyNotMounted();
        }
        AgentDisk disk = agents.disk(repetition);
        long start = System.nanoTime();
        long end = start + faultFor.toNanos();
        String refused = disk.readOnly();
        boolean filled = false;
        while (refused != null && System.nanoTime() < end) {
            if (!filled && System.nanoTime() - start > TRY_READ_ONLY.toNanos()) {
                disk.fill();
                filled = true;
            }
            Thread.sleep(200);
            refused = disk.readOnly();
        }
        long readOnlyMillis = Math.max(0, (end - System.nanoTime()) / 1_000_000);
        Thread.sleep(readOnlyMillis);
        String back = refused == null ? disk.readWrite() : null;
        if (filled) {
            disk.empty();
        }
        String who = disk.directory().getParent().getFileName() + "'s disk ";
        if (refused != null) {
            return who + "never read-only (" + refused + ")" + (filled ? ", full instead" : "");
        }
        return who + "read-only " + readOnlyMillis / 1000 + " s"
                + (filled ? " (full first: the journal held its" + " segment open)" : "")
                + (back == null ? "" : "; read-write refused: " + back);
    }
}
