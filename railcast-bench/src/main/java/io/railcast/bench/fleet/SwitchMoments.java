package io.railcast.bench.fleet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When (epoch millis) one virtual agent reached each step of taking up a version, by the version it had heard of:
 * the {@code schedule} event, its schedule request leaving the fleet's gate, the answer's arrival, the schedule read
 * with its plans, and the switch. The steps between them say where a switch's time goes: the gate, the server, the
 * agent's own reading and plan fetches.
 */
final class SwitchMoments {

    private final Map<Long, Long> heard = new ConcurrentHashMap<>();
    private final Map<Long, Long> sent = new ConcurrentHashMap<>();
    private final Map<Long, Long> answered = new ConcurrentHashMap<>();
    private final Map<Long, Long> fetched = new ConcurrentHashMap<>();
    private final Map<Long, Long> adopted = new ConcurrentHashMap<>();

    void heard(long version) {
        heard.putIfAbsent(version, System.currentTimeMillis());
    }

    /** A schedule request leaves the gate: counted for the newest version heard of, if any. */
    void sent() {
        newestHeard(sent);
    }

    /** A schedule answer arrived (before it is read): counted for the newest version heard of, if any. */
    void answered() {
        newestHeard(answered);
    }

    void fetched(long version) {
        fetched.putIfAbsent(version, System.currentTimeMillis());
    }

    void adopted(long version) {
        adopted.putIfAbsent(version, System.currentTimeMillis());
    }

    long heardAt(long version) {
        return first(heard, version);
    }

    long sentAt(long version) {
        return first(sent, version);
    }

    long answeredAt(long version) {
        return first(answered, version);
    }

    long fetchedAt(long version) {
        return first(fetched, version);
    }

    long adoptedAt(long version) {
        return first(adopted, version);
    }

    private void newestHeard(Map<Long, Long> moments) {
        heard.keySet().stream()
                .mapToLong(Long::longValue)
                .max()
                .ifPresent(version -> moments.putIfAbsent(version, System.currentTimeMillis()));
    }

    private static long first(Map<Long, Long> times, long version) {
        return times.entrySet().stream()
                .filter(entry -> entry.getKey() >= version)
                .mapToLong(Map.Entry::getValue)
                .min()
                .orElse(-1);
    }
}
