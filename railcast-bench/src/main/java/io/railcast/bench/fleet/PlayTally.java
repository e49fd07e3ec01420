package io.railcast.bench.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fleet's account of proof of play, over every virtual agent: how many distinct records were sent, how many of
 * them were sent again, and what the server answered. Thread-safe.
 *
 * <p>The protocol says every play id of a batch comes back in exactly one of accepted, duplicates and rejected; an
 * id in none stays pending and is sent again, an id in more than one is counted as a protocol fault.
 */
final class PlayTally {

    private final LongAdder sent = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder protocolFaults = new LongAdder();
    private final LongAdder failedBatches = new LongAdder();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    /** What the server answered to one batch, by play id. */
    record Receipt(Set<String> accepted, Set<String> duplicates, Map<String, String> rejected) {}

    /** A batch goes out: {@code fresh} records for the first time, {@code again} once more. */
    void sending(int fresh, int again) {
        sent.add(fresh);
        resent.add(again);
    }

    /** A batch got no answer (network, 5xx): all its records stay pending. */
    void failed() {
        failedBatches.increment();
    }

    /**
     * Books the answer to a batch whose records have the ids {@code batch}; returns the ids the server left out of
     * every list, which must be sent again.
     */
    List<String> answered(List<String> batch, Receipt receipt) {
        List<String> again = new ArrayList<>();
        for (String playId : batch) {
            int lists = (receipt.accepted().contains(playId) ? 1 : 0)
                    + (receipt.duplicates().contains(playId) ? 1 : 0)
                    + (receipt.rejected().containsKey(playId) ? 1 : 0);
            if (lists > 1) {
                protocolFaults.increment();
            }
            if (receipt.accepted().contains(playId)) {
                accepted.increment();
                acknowledged.add(playId);
            } else if (receipt.duplicates().contains(playId)) {
                duplicates.increment();
                acknowledged.add(playId);
            } else if (receipt.rejected().containsKey(playId)) {
                rejected.increment();
            } else {
                unanswered.increment();
                again.add(playId);
            }
        }
        return again;
    }

    /** The ids of every play the server answered as accepted or duplicate: those it must have stored. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    long sent() {
        return sent.sum();
    }

    long resent() {
        return resent.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    long unanswered() {
        return unanswered.sum();
    }

    long protocolFaults() {
        return protocolFaults.sum();
    }

    long failedBatches() {
        return failedBatches.sum();
    }
}
