package io.railcast.bench.fleet;

import io.railcast.agent.protocol.PlayRecord;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.jr.ob.JSON;

/**
 * One virtual agent's proof of play and heartbeats, as docs/agent-protocol.md says: the spots its adopted schedule
 * had on air, kept in its outbox until the server has answered for them and uploaded in batches to
 * {@code POST /agent/v1/plays}, and its heartbeat to {@code POST /agent/v1/status}. Thread-safe.
 */
final class ProofOfPlay {

    private final String screenId;
    private final FleetContext fleet;
    private final Function<String, HttpRequest.Builder> requests;
    private final PlayOutbox outbox = new PlayOutbox();
    private Instant playedUntil; // guarded by this

    /** {@code requests} starts a request to a path of the server with the agent's token. */
    ProofOfPlay(String screenId, FleetContext fleet, Function<String, HttpRequest.Builder> requests) {
        this.screenId = screenId;
        this.fleet = fleet;
        this.requests = requests;
    }

    /** Spots count as played from the first adoption on; later adoptions change nothing here. */
    synchronized void startPlaying() {
        if (playedUntil == null) {
            playedUntil = Instant.now();
        }
    }

    int pending() {
        return outbox.pending();
    }

    /**
     * Journals what {@code current} (null before the first adoption) has played since the last call and uploads a
     * batch, now and then the last one again while {@code running}; completes when the server answered.
     */
    CompletableFuture<Void> upload(Adopted current, boolean running) {
        collect(current);
        PlayOutbox.Batch batch =
                outbox.next(running && ThreadLocalRandom.current().nextDouble() < fleet.repeatShare());
        if (batch.records().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        fleet.plays().sending(batch.fresh(), batch.again());
        List<Map<String, Object>> records =
                batch.records().stream().map(PlayRecord::toJson).toList();
        HttpRequest request = requests.apply("/agent/v1/plays")
                .header("Content-Type", "application/json")
                .timeout(VirtualAgent.UPLOAD_DEADLINE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.std.asBytes(Map.of("plays", records))))
                .build();
        return fleet.uploads()
                .submit(() -> fleet.http().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("plays of " + screenId + ": HTTP " + response.statusCode());
                    }
                    List<String> again = fleet.plays().answered(batch.playIds(), receipt(response.body()));
                    outbox.answered(batch, again);
                })
                .exceptionally(failure -> {
                    fleet.plays().failed();
                    fleet.counters().failed(failure);
                    return null;
                });
    }

    private synchronized void collect(Adopted current) {
        if (current == null || playedUntil == null) {
            return;
        }
        List<PlayRecord> plays = Airtime.played(screenId, current, playedUntil, Instant.now());
        playedUntil = Airtime.after(plays, playedUntil);
        outbox.add(plays);
    }

    static PlayTally.Receipt receipt(byte[] body) {
        Map<String, Object> answer = JSON.std.mapFrom(body);
        Map<String, String> rejected = new LinkedHashMap<>();
        for (Object refusal : list(answer.get("rejected"))) {
            if (refusal instanceof Map<?, ?> map) {
                rejected.put(String.valueOf(map.get("playId")), String.valueOf(map.get("reason")));
            }
        }
        return new PlayTally.Receipt(
                list(answer.get("accepted")).stream().map(String::valueOf).collect(Collectors.toSet()),
                list(answer.get("duplicates")).stream().map(String::valueOf).collect(Collectors.toSet()),
                rejected);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** Sends a heartbeat naming {@code version}, the newest adopted (0 before the first). */
    void report(long version) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("agentVersion", "fleet-simulator");
        status.put("scheduleVersion", version);
        status.put("cachedFiles", 0);
        status.put("cachedBytes", 0);
        status.put("missingMedia", 0);
        status.put("clockOffsetMillis", 0);
        status.put("journalBacklog", outbox.pending());
        status.put("sentAt", Instant.now().toString());
        HttpRequest request = requests.apply("/agent/v1/status")
                .header("Content-Type", "application/json")
                .timeout(VirtualAgent.UPLOAD_DEADLINE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.std.asBytes(status)))
                .build();
        fleet.uploads()
                .submit(() -> fleet.http().sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .whenComplete((response, failure) -> {
                    if (failure == null && response.statusCode() == 200) {
                        fleet.counters().statusReports.increment();
                    } else {
                        fleet.counters().statusFailures.increment();
                    }
                });
    }
}
