package io.railcast.bench.fleet;

import io.railcast.agent.protocol.SseParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.jr.ob.JSON;

/**
 * The server side of {@code scripts/bench-server} that wrk cannot do: bookings timed from request to published
 * version, and thousands of event streams held open at once, the heap they cost the server, and how long a
 * version takes to reach the last of them. Prints one line of JSON; the script merges it with wrk's figures.
 *
 * <p>Arguments: {@code server adminPassword plannerPassword tokensFile serverPid bookings}. The tokens file has one
 * {@code screenId token} pair a line. The server's heap is read after {@code jcmd <pid> GC.run}, from its own
 * {@code jvm_memory_used_bytes{area="heap"}} on {@code /actuator/prometheus}.
 */
public final class SseBench {

    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-retries");
        thread.setDaemon(true);
        return thread;
    });

    private SseBench() {}

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        AdminApi api = new AdminApi(server);
        AdminApi.User admin = new AdminApi.User("admin", args[1]);
        AdminApi.User planner = new AdminApi.User("planner", args[2]);
        List<Fleet.Credentials> screens = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2) {
                screens.add(new Fleet.Credentials(fields[0], fields[1]));
            }
        }
        long serverPid = Long.parseLong(args[4]);
        int bookings = Integer.parseInt(args[5]);
        Map<String, Object> figures = new LinkedHashMap<>();

        String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        String creative = "BENCH-S-" + suffix;
        api.uploadCreative(planner, creative, 15, FleetBenchmark.png("server benchmark " + suffix));
        List<String> provinces = api.list(admin, "/api/v1/stations").stream()
                .map(station -> (String) station.get("province"))
                .distinct()
                .sorted()
                .toList();
        long[] toPublish = new long[bookings];
        for (int i = 0; i < bookings; i++) {
            String province = provinces.get((i * 7 + 3) % provinces.size());
            long sent = System.currentTimeMillis();
            Map<String, Object> booked =
                    api.book(planner, FleetBenchmark.campaign("C-BS-" + suffix + "-" + i, creative, province));
            long version = ((Number) booked.get("scheduleVersion")).longValue();
            toPublish[i] = publishedAt(api, admin, version) - sent;
            FleetBenchmark.log("booking in " + province + ": version " + version + " published " + toPublish[i]
                    + " ms after the request");
        }
        figures.put("bookingToPublishMillis", LatencySummary.of(toPublish).p50());
        figures.put("bookingToPublishRuns", Arrays.toString(toPublish));

        figures.put("heapBeforeStreamsMb", heapAfterGcMb(api, admin, serverPid));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(threads)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Streams streams = new Streams();
        long opening = System.nanoTime();
        for (Fleet.Credentials screen : screens) {
            open(http, server, screen, streams);
        }
        FleetBenchmark.await(
                () -> streams.open.get() + streams.failed.get() >= screens.size(),
                Duration.ofMinutes(5),
                () -> "event streams open: " + streams.open.get() + "/" + screens.size() + ", failed "
                        + streams.failed.get() + ", refused and retried " + streams.refused.get());
        figures.put("sseConnections", streams.open.get());
        figures.put("sseRefused", streams.refused.get());
        figures.put("sseOpenMillis", (System.nanoTime() - opening) / 1_000_000);

        figures.put("sseHeapMb", heapAfterGcMb(api, admin, serverPid));
        String metrics = new String(api.raw(admin, "/actuator/prometheus"), StandardCharsets.UTF_8);
        figures.put("sseConnectedGauge", gauge(metrics, "railcast_agent_connected"));

        // a campaign for the whole network, once a day: every screen's plans change, so every stream hears of it
        Map<String, Object> everywhere = FleetBenchmark.campaign("C-BS-" + suffix + "-ALL", creative, "");
        everywhere.put("targeting", Map.of());
        everywhere.put("frequency", "1/day");
        try {
            Map<String, Object> booked = api.book(planner, everywhere);
            long version = ((Number) booked.get("scheduleVersion")).longValue();
            long published = publishedAt(api, admin, version);
            FleetBenchmark.await(
                    () -> streams.heard(version) >= streams.open.get(),
                    Duration.ofMinutes(2),
                    () -> "events delivered: " + streams.heard(version) + "/" + streams.open.get());
            long last = streams.lastHeard(version);
            figures.put("sseEventsDelivered", streams.heard(version));
            figures.put("sseFanoutMillis", last < 0 ? -1 : last - published);
            figures.put("sseFanoutSpreadMillis", last < 0 ? -1 : last - streams.firstHeard(version));
        } catch (IOException e) {
            FleetBenchmark.log("the network-wide booking failed, so no fan-out was measured: " + e.getMessage());
            figures.put("sseFanoutMillis", -1);
        }
        System.out.println(JSON.std.asString(figures));
        System.exit(0); // the streams stay open otherwise; the server is stopped by the script
    }

    /** The server's heap in use right after a full GC run in it with jcmd, as its own metrics tell. */
    private static long heapAfterGcMb(AdminApi api, AdminApi.User admin, long serverPid) throws Exception {
        Process gc = new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        gc.waitFor();
        String metrics = new String(api.raw(admin, "/actuator/prometheus"), StandardCharsets.UTF_8);
        return Math.round(heapBytes(metrics) / 1_048_576.0);
    }

    private static long publishedAt(AdminApi api, AdminApi.User admin, long version) throws Exception {
        return Instant.parse((String)
                        api.object(admin, "/api/v1/versions/" + version).get("publishedAt"))
                .toEpochMilli();
    }

    private static void open(HttpClient http, URI server, Fleet.Credentials screen, Streams streams) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/agent/v1/events"))
                .header("Authorization", "Bearer " + screen.token())
                .header("Accept", "text/event-stream")
                .build();
        SseParser parser = new SseParser(null);
        AtomicInteger events = new AtomicInteger();
        Flow.Subscriber<String> lines = new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                SseParser.Event event = parser.line(line);
                if (event == null) {
                    return;
                }
                if (events.getAndIncrement() == 0) {
                    streams.open.incrementAndGet(); // the first heartbeat: the server holds the stream
                }
                if ("schedule".equals(event.type())) {
                    streams.heard.putIfAbsent(screen.screenId() + "@" + event.id(), System.currentTimeMillis());
                }
            }

            @Override
            public void onError(Throwable failure) {
                streams.failed.incrementAndGet();
            }

            @Override
            public void onComplete() {
                // the server ended the stream: counted by the open count no longer matching
            }
        };
        // a stream refused for now (503 while thousands of first token checks queue for a database connection)
        // is opened again after the server's Retry-After, as an agent does; only a stream that fails counts
        HttpResponse.BodyHandler<Void> body = info -> info.statusCode() == 200
                ? HttpResponse.BodyHandlers.fromLineSubscriber(lines).apply(info)
                : HttpResponse.BodyHandlers.discarding().apply(info);
        http.sendAsync(request, body)
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        streams.refused.incrementAndGet();
                        long seconds = response.headers()
                                .firstValueAsLong("Retry-After")
                                .orElse(1);
                        RETRIES.schedule(
                                () -> open(http, server, screen, streams), Math.max(1, seconds), TimeUnit.SECONDS);
                    }
                })
                .exceptionally(failure -> {
                    streams.failed.incrementAndGet();
                    return null;
                });
    }

    static double heapBytes(String prometheus) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static double gauge(String prometheus, String name) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private static final class Streams {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        /** Answers other than 200 to an opening stream, each opened again after Retry-After. */
        final AtomicInteger refused = new AtomicInteger();

        final Map<String, Long> heard = new ConcurrentHashMap<>();

        long heard(long version) {
            return heard.keySet().stream()
                    .filter(key -> key.endsWith("@" + version))
                    .count();
        }

        long lastHeard(long version) {
            return heard.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("@" + version))
                    .mapToLong(Map.Entry::getValue)
                    .max()
                    .orElse(-1);
        }

        long firstHeard(long version) {
            return heard.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("@" + version))
                    .mapToLong(Map.Entry::getValue)
                    .min()
                    .orElse(-1);
        }
    }
}
