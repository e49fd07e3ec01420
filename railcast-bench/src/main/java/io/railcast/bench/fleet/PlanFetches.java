package io.railcast.bench.fleet;

import io.railcast.agent.protocol.MalformedMessage;
import io.railcast.agent.protocol.NamedPlans;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduleJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A virtual agent's side of {@code GET /agent/v1/schedule?plans=ids} and {@code GET /agent/v1/plans/{id}}, as the
 * player agent does it: the plans a {@code schedule} event names that the agent does not hold are prefetched, and
 * those an answer names are fetched (or the prefetch awaited), {@value #AT_ONCE} at a time, and counted with their
 * bytes; then the answer is read with the plans the fleet holds ({@link PlanLibrary}). One per virtual agent.
 */
final class PlanFetches {

    /** As the player agent: a handful of connections at once. */
    static final int AT_ONCE = 8;

    private final FleetContext fleet;
    private final String token;
    private final Map<String, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();

    PlanFetches(FleetContext fleet, String token) {
        this.fleet = fleet;
        this.token = token;
    }

    /**
     * Starts fetching the plans of {@code named} not {@code held}, {@value #AT_ONCE} at a time, as the player agent
     * does; false, fetching nothing, when none are named or more than {@value #AT_ONCE} are lacking: then the agent
     * asks for the answer with every plan in it.
     */
    boolean prefetch(List<String> named, Set<String> held) {
        List<String> lacking = named.stream().filter(id -> !held.contains(id)).toList();
        if (named.isEmpty() || lacking.size() > AT_ONCE) {
            return false;
        }
        inBatches(lacking).exceptionally(failed -> null);
        return true;
    }

    private CompletableFuture<Void> inBatches(List<String> ids) {
        CompletableFuture<Void> fetched = CompletableFuture.completedFuture(null);
        for (int from = 0; from < ids.size(); from += AT_ONCE) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + AT_ONCE));
            fetched = fetched.thenCompose(done -> CompletableFuture.allOf(batch.stream()
                    .map(id -> underWay.computeIfAbsent(id, this::plan))
                    .toArray(CompletableFuture[]::new)));
        }
        return fetched;
    }

    /**
     * The schedule of a {@code 200} answer, once every plan it names that {@code held} lacks has been fetched with
     * the screen's {@code token} (none when it asked for them all in the answer); on the fleet's work threads.
     */
    CompletableFuture<Schedule> schedule(HttpResponse<byte[]> answer, Set<String> held) {
        fleet.counters().scheduleBytes.add(answer.body().length);
        byte[] body = decoded(answer);
        List<String> lacking;
        try {
            // unless it asked for an answer naming its plans, the answer holds every plan
            lacking = !String.valueOf(answer.request().uri().getRawQuery()).contains("plans=ids")
                    ? List.of()
                    : NamedPlans.named(body).stream()
                            .filter(id -> !held.contains(id))
                            .toList();
        } catch (MalformedMessage e) {
            throw new IllegalStateException("malformed schedule: " + e.getMessage(), e);
        }
        CompletableFuture<Void> fetched = inBatches(lacking)
                .whenComplete((done, failed) -> underWay.values().removeIf(CompletableFuture::isDone));
        return fetched.thenApplyAsync(
                done -> {
                    try {
                        return ScheduleJson.parse(body, fleet.plans().known());
                    } catch (MalformedMessage e) {
                        throw new IllegalStateException("malformed schedule: " + e.getMessage(), e);
                    }
                },
                fleet.work());
    }

    private CompletableFuture<Void> plan(String id) {
        HttpRequest request = HttpRequest.newBuilder(fleet.base().resolve("/agent/v1/plans/" + id))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip")
                .timeout(VirtualAgent.FETCH_DEADLINE)
                .build();
        return fleet.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenAcceptAsync(
                        response -> {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("plan " + id + ": HTTP " + response.statusCode());
                            }
                            fleet.counters().planFetches.increment();
                            fleet.counters().planBytes.add(response.body().length);
                            try {
                                fleet.plans().offer(id, ScheduleJson.plan(decoded(response)));
                            } catch (MalformedMessage e) {
                                throw new IllegalStateException("malformed plan " + id + ": " + e.getMessage(), e);
                            }
                        },
                        fleet.work());
    }

    /** The body, inflated when the server gzipped it. */
    static byte[] decoded(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (response.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equalsIgnoreCase)
                .isEmpty()) {
            return body;
        }
        try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return gunzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
