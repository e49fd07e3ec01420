package io.railcast.bench.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Extra agent traffic through the proxy: schedule fetches with the agents' own tokens, {@code perSecond} of them
 * spread evenly over each second, for a while. With 9 × the fleet's own rate on top, agents and servers see ten times
 * their normal request rate.
 */
final class Surge {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI origin;
    private final List<String> tokens;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder answered = new LongAdder();
    private final LongAdder failed = new LongAdder();

    Surge(URI origin, List<String> tokens) {
        this.origin = origin;
        this.tokens = List.copyOf(tokens);
    }

    /** Sends {@code perSecond} schedule fetches a second for {@code duration}; returns what they got. */
    String run(int perSecond, Duration duration) throws InterruptedException {
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            pace.scheduleAtFixedRate(this::fetch, 0, 1_000_000 / Math.max(1, perSecond), TimeUnit.MICROSECONDS);
            Thread.sleep(duration.toMillis());
        } finally {
            pace.shutdownNow();
        }
        return perSecond + "/s extra for " + duration.toSeconds() + " s: " + answered.sum() + " answered 200, "
                + failed.sum() + " not";
    }

    private void fetch() {
        String token = tokens.get(Math.floorMod(next.getAndIncrement(), tokens.size()));
        HttpRequest request = HttpRequest.newBuilder(origin.resolve("/agent/v1/schedule?hours=72"))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(15))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 200) {
                answered.increment();
            } else {
                failed.increment();
            }
        });
    }
}
