package io.railcast.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The faults of a real agent's disk, one agent in turn per repetition: {@code agent-disk-full} and
 * {@code agent-disk-readonly}. Skipped, and said so, when the caches are not on tmpfs of their own.
 *
 * <p>A full disk still takes writes into the blocks its files already have (a tmpfs page, 4 KiB: some twenty journal
 * entries), so the fault begins when the agent's journal is refused a write, as its log says, and lasts
 * {@code --fault-seconds} from then: within a minute at most, since the acknowledgement of each upload (once a minute)
 * rewrites a segment into a new file. Read-only is the same disk, full, then remounted read-only: Linux refuses
 * ({@code busy}) while a file is open for writing there, and the journal keeps its segment open until a write fails.
 */
final class AgentDiskFaults {

    /** The journal's line when the disk first refuses it a write (PlayJournal). */
    private static final String REFUSED = "the journal's disk refuses writes";

    private static final Duration WAIT_FOR_REFUSAL = Duration.ofSeconds(150);
    private static final Duration WAIT_FOR_READ_ONLY = Duration.ofSeconds(30);

    private final RealAgents agents;
    private final Duration faultFor;

    AgentDiskFaults(RealAgents agents, Duration faultFor) {
        this.agents = agents;
        this.faultFor = faultFor;
    }

    /** Fills the disk, holds it full for the fault's time once the journal felt it, then deletes the filler. */
    String full(int repetition) throws IOException, InterruptedException {
        if (!agents.disksMounted()) {
            return "skipped: " + agents.whyNotMounted();
        }
        AgentDisk disk = agents.disk(repetition);
        RealAgents.Agent agent = agents.agent(repetition);
        long refusalsBefore = refusals(agent.log());
        long start = System.nanoTime();
        long bytes = disk.fill();
        String felt = awaitRefusal(agent.log(), refusalsBefore, start);
        Thread.sleep(faultFor.toMillis());
        disk.empty();
        return name(disk) + " full (" + (bytes >> 20) + " MiB filler), " + felt + ", then full " + faultFor.toSeconds()
                + " s more";
    }

    /** Fills the disk until the journal lets go of its segment, remounts it read-only for the fault's time, then back. */
    String readOnly(int repetition) throws IOException, InterruptedException {
        if (!agents.disksMounted()) {
            return "skipped: " + agents.whyNotMounted();
        }
        AgentDisk disk = agents.disk(repetition + 1); // another agent than agent-disk-full's of the same round
        RealAgents.Agent agent = agents.agent(repetition + 1);
        long refusalsBefore = refusals(agent.log());
        long start = System.nanoTime();
        disk.fill();
        String felt = awaitRefusal(agent.log(), refusalsBefore, start);
        long deadline = System.nanoTime() + WAIT_FOR_READ_ONLY.toNanos();
        String refused = disk.readOnly();
        while (refused != null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            refused = disk.readOnly();
        }
        if (refused == null) {
            Thread.sleep(faultFor.toMillis());
        }
        String back = refused == null ? disk.readWrite() : null;
        disk.empty();
        if (refused != null) {
            return name(disk) + " full, " + felt + ", never read-only (" + refused + ")";
        }
        return name(disk) + " full, " + felt + ", then read-only " + faultFor.toSeconds() + " s"
                + (back == null ? "" : "; read-write refused: " + back);
    }

    /** Waits until the agent's log has more refusals than {@code before}; says after how long, or that it did not. */
    private static String awaitRefusal(Path log, long before, long start) throws IOException, InterruptedException {
        long deadline = start + WAIT_FOR_REFUSAL.toNanos();
        while (refusals(log) <= before) {
            if (System.nanoTime() > deadline) {
                return "the journal not refused within " + WAIT_FOR_REFUSAL.toSeconds() + " s";
            }
            Thread.sleep(250);
        }
        return "the journal refused after " + (System.nanoTime() - start) / 1_000_000_000 + " s";
    }

    private static long refusals(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(REFUSED)).count();
        }
    }

    private static String name(AgentDisk disk) {
        return disk.directory().getParent().getFileName() + "'s disk";
    }
}
