package io.railcast.bench.fleet;

import io.railcast.agent.protocol.Takeover;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What one virtual agent knows of the emergency takeovers covering its screen, told by {@code takeover} events and
 * schedule answers (docs/agent-protocol.md): the earliest end heard of for each, as a real agent keeps it, and the
 * moments the benchmark measures. A takeover is held once the agent could show it: a notice at once, a creative once
 * its file is here and verified. The agent is back on its schedule once it knows the takeover is over: at the end it
 * was told of, or when it heard of a cancellation, whichever is later. Times are this JVM's epoch millis.
 *
 * <p>Thread-safe: events and schedule answers of one agent may arrive on different threads.
 */
final class AgentTakeovers {

    private final Map<String, Known> known = new HashMap<>();

    /** One takeover as the agent knows it; {@code endKnownAt}: when its current end was first heard of. */
    private record Known(Takeover takeover, long heldAt, long endKnownAt) {}

    /**
     * Merges a takeover the agent was told of at {@code at}; answers whether it is still to be made ready to show
     * (not held yet and not over), in which case {@link #held} follows once it is.
     */
    synchronized boolean told(Takeover takeover, long at) {
        Known before = known.get(takeover.id());
        Known now = before == null
                ? new Known(takeover, -1, at)
                : before.takeover().merge(takeover) == before.takeover()
                        ? before
                        : new Known(takeover, before.heldAt(), at);
        known.put(takeover.id(), now);
        return now.heldAt() < 0 && !now.takeover().overAt(Instant.ofEpochMilli(at));
    }

    /** The takeover {@code id} could be shown from {@code at} on (its notice or verified file in hand). */
    synchronized void held(String id, long at) {
        Known before = known.get(id);
        if (before != null && before.heldAt() < 0) {
            known.put(id, new Known(before.takeover(), at, before.endKnownAt()));
        }
    }

    /** When the takeover {@code id} was first held, or -1. */
    synchronized long heldAt(String id) {
        Known found = known.get(id);
        return found == null ? -1 : found.heldAt();
    }

    /**
     * When the agent was back on its schedule after the takeover {@code id} (its end, or the moment it heard of an
     * earlier one, whichever is later), or -1 while, at {@code now}, it has not ended for the agent.
     */
    synchronized long backOnScheduleAt(String id, long now) {
        Known found = known.get(id);
        if (found == null || found.takeover().until() == null) {
            return -1;
        }
        long back = Math.max(found.endKnownAt(), found.takeover().until().toEpochMilli());
        return back <= now ? back : -1;
    }
}
