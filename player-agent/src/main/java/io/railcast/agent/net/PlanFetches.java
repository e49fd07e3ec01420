package io.railcast.agent.net;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Plans fetched by id ({@code GET /agent/v1/plans/{id}}), a few at a time. A fetch under way is shared: the plans a
 * {@code schedule} event names are prefetched, and the answer that follows takes those fetches rather than starting
 * its own. Fetches are forgotten once an answer has taken what it needed; a failed one is tried again by the next.
 */
final class PlanFetches {

    private final ServerClient client;
    private final HttpClient http;
    private final int atOnce;
    private final Map<String, CompletableFuture<byte[]>> underWay = new ConcurrentHashMap<>();

    PlanFetches(ServerClient client, HttpClient http, int atOnce) {
        this.client = client;
        this.http = http;
        this.atOnce = atOnce;
    }

    /** Starts fetching {@code ids} in the background, {@code atOnce} at a time; failures wait for a taker. */
    void prefetch(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        CompletableFuture<Void> batches = CompletableFuture.completedFuture(null); // one batch after the other
        for (int from = 0; from < all.size(); from += atOnce) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + atOnce));
            batches = batches.thenCompose(done -> CompletableFuture.allOf(
                            batch.stream().map(this::fetch).toArray(CompletableFuture[]::new))
                    .exceptionally(failed -> null));
        }
    }

    /** The JSON of each of {@code ids}: fetches under way are awaited, the others made {@code atOnce} at a time. */
    Map<String, byte[]> take(Set<String> ids) throws IOException, InterruptedException {
        Map<String, byte[]> plans = new HashMap<>();
        List<String> all = List.copyOf(ids);
        try {
            for (int from = 0; from < all.size(); from += atOnce) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + atOnce));
                List<CompletableFuture<byte[]>> fetches = new ArrayList<>();
                batch.forEach(id -> fetches.add(fetch(id)));
                for (int index = 0; index < batch.size(); index++) {
                    plans.put(batch.get(index), awaited(fetches.get(index)));
                }
            }
        } finally {
            all.forEach(underWay::remove);
            underWay.values().removeIf(CompletableFuture::isDone); // prefetched for an answer that named them not
        }
        return plans;
    }

    private CompletableFuture<byte[]> fetch(String id) {
        return underWay.computeIfAbsent(id, key -> {
            HttpRequest request;
            try {
                request = client.request("plans/" + key)
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build();
            } catch (ServerRefusal e) {
                return CompletableFuture.failedFuture(e);
            }
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> {
                        try {
                            return client.decoded(response);
                        } catch (IOException e) {
                            throw new CompletionException(e);
                        }
                    });
        });
    }

    private static byte[] awaited(CompletableFuture<byte[]> plan) throws IOException, InterruptedException {
        try {
            return plan.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
