package io.railcast.bench.fleet;

import io.railcast.agent.protocol.PlayRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One virtual agent's plays not yet acknowledged, in the order they ended, and the last acknowledged batch (which
 * the simulator sends again now and then, as an agent does whose acknowledgement was lost). Thread-safe.
 */
final class PlayOutbox {

    static final int MAX_BATCH = 1000;

    private final Map<String, Outgoing> pending = new LinkedHashMap<>();
    private List<PlayRecord> lastAcknowledged = List.of();

    /** A batch to send: its records, how many go out for the first time and how many again. */
    record Batch(List<PlayRecord> records, int fresh, int again) {

        List<String> playIds() {
            return records.stream().map(play -> play.playId().toString()).toList();
        }
    }

    private record Outgoing(PlayRecord play, boolean sentBefore) {}

    synchronized void add(List<PlayRecord> plays) {
        for (PlayRecord play : plays) {
            pending.putIfAbsent(play.playId().toString(), new Outgoing(play, false));
        }
    }

    /**
     * The next batch: up to {@value #MAX_BATCH} pending plays, oldest first; with {@code repeatLast}, the last
     * acknowledged batch too, as far as it fits. Empty when there is nothing to send.
     */
    synchronized Batch next(boolean repeatLast) {
        List<PlayRecord> records = new ArrayList<>();
        int fresh = 0;
        int again = 0;
        for (Map.Entry<String, Outgoing> entry : pending.entrySet()) {
            if (records.size() == MAX_BATCH) {
                break;
            }
            Outgoing outgoing = entry.getValue();
            records.add(outgoing.play());
            if (outgoing.sentBefore()) {
                again++;
            } else {
                fresh++;
                entry.setValue(new Outgoing(outgoing.play(), true));
            }
        }
        if (repeatLast) {
            for (Iterator<PlayRecord> it = lastAcknowledged.iterator(); it.hasNext() && records.size() < MAX_BATCH; ) {
                records.add(it.next());
                again++;
            }
        }
        return new Batch(List.copyOf(records), fresh, again);
    }

    /** The server answered {@code batch}; every play of it but those in {@code unanswered} is done with. */
    synchronized void answered(Batch batch, List<String> unanswered) {
        Set<String> keep = Set.copyOf(unanswered);
        List<PlayRecord> acknowledged = new ArrayList<>();
        for (PlayRecord play : batch.records()) {
            String id = play.playId().toString();
            if (!keep.contains(id) && pending.remove(id) != null) {
                acknowledged.add(play);
            }
        }
        if (!acknowledged.isEmpty()) {
            lastAcknowledged = List.copyOf(acknowledged);
        }
    }

    synchronized int pending() {
        return pending.size();
    }
}
