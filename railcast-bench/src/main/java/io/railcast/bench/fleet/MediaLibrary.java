package io.railcast.bench.fleet;

import io.railcast.agent.protocol.MediaFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fleet's media: each distinct file (by SHA-256) is downloaded once per JVM, by the first agent whose schedule
 * names it and with that agent's token, and verified for size and digest like a real agent does. Every other agent
 * needing the same file waits for that one download. A real network downloads each file once per screen; the
 * simulator does not, since the server's media path is not what it measures. A failed or corrupt download is
 * forgotten, so the next schedule fetch that needs the file tries again. So is one that has not ended within its
 * deadline: the JDK client's own timeout stops at the response's headers, and one body that never ended would
 * otherwise keep every agent needing the file waiting for good (255 agents of a 5,600-agent warm-up once did).
 */
final class MediaLibrary {

    private final Map<String, CompletableFuture<Void>> files = new ConcurrentHashMap<>();
    private final LongAdder downloads = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Duration deadline;

    MediaLibrary(Duration deadline) {
        this.deadline = deadline;
    }

    /** Completes once every file is here and verified; fails if one of them could not be had. */
    CompletableFuture<Void> ensure(Collection<MediaFile> needed, HttpClient http, URI base, String token) {
        CompletableFuture<?>[] all =
                needed.stream().map(file -> fetchOnce(file, http, base, token)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all);
    }

    private CompletableFuture<Void> fetchOnce(MediaFile file, HttpClient http, URI base, String token) {
        CompletableFuture<Void> created = new CompletableFuture<>();
        CompletableFuture<Void> present = files.putIfAbsent(file.sha256(), created);
        if (present != null) {
            return present;
        }
        download(file, http, base, token)
                .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        failures.increment();
                        files.remove(file.sha256(), created);
                        created.completeExceptionally(failure);
                    } else {
                        created.complete(null);
                    }
                });
        return created;
    }

    private CompletableFuture<Void> download(MediaFile file, HttpClient http, URI base, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(file.url()))
                .header("Authorization", "Bearer " + token)
                .timeout(deadline)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("media " + file.creative() + ": HTTP " + response.statusCode());
            }
            byte[] body = response.body();
            if (body.length != file.size() || !sha256(body).equals(file.sha256())) {
                throw new IllegalStateException("media " + file.creative() + " does not match its size or SHA-256");
            }
            downloads.increment();
            bytes.add(body.length);
        });
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    long downloads() {
        return downloads.sum();
    }

    long failures() {
        return failures.sum();
    }

    long bytes() {
        return bytes.sum();
    }
}
