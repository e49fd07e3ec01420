package io.railcast.bench.chaos;

import io.railcast.bench.fleet.AdminApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.jr.ob.JSON;

/**
 * A planner booking small campaigns (one station, 1/h, today and tomorrow) at a steady pace, to the live servers in
 * turn, each with an id of its own, and the answer each got: what the audit holds the database to. Thread-safe.
 */
final class BookingStream implements AutoCloseable {

    /** A booking's answer: its HTTP status (0: none, the connection failed or timed out) and version on 201. */
    record Booking(String id, String station, String server, int status, long version, long sentAt) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean refused() {
            return status >= 400 && status < 500;
        }
    }

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Booking> bookings = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-bookings");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ServerProcess> servers;
    private final List<String> stations;
    private final AdminApi.User planner;
    private final String creative;
    private final String run;

    BookingStream(
            List<ServerProcess> servers, List<String> stations, AdminApi.User planner, String creative, String run) {
        this.servers = List.copyOf(servers);
        this.stations = List.copyOf(stations);
        this.planner = planner;
        this.creative = creative;
        this.run = run;
    }

    /** Books once every {@code every}, from now on, until closed. */
    void start(Duration every) {
        pace.scheduleWithFixedDelay(this::bookNext, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One booking to the next server that answers, as a load balancer's health check would choose (the first if none
     * answers).
     */
    Booking bookNext() {
        int n = sequence.get();
        List<ServerProcess> live = servers.stream().filter(ServerProcess::ready).toList();
        return book(live.isEmpty() ? servers.get(0) : live.get(Math.floorMod(n, live.size())));
    }

    /** One booking to {@code server}, answered or not; recorded either way. */
    Booking book(ServerProcess server) {
        int n = sequence.incrementAndGet();
        String id = "C-CHAOS-" + run + "-" + n;
        String station = stations.get(Math.floorMod(n, stations.size()));
        long sentAt = System.currentTimeMillis();
        int status = 0;
        long version = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(server.origin().resolve("/api/v1/campaigns"))
                    .header("Authorization", planner.header())
                    .header("Content-Type", "application/json")
                    .timeout(ANSWER_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.std.asBytes(campaign(id, station))))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            if (status == 201) {
                Object answered = JSON.std.mapFrom(response.body()).get("scheduleVersion");
                version = answered instanceof Number number ? number.longValue() : 0;
            }
        } catch (java.io.IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            status = 0; // a body that is not the campaign: counted as no answer
        }
        Booking booking = new Booking(id, station, server.name(), status, version, sentAt);
        bookings.add(booking);
        return booking;
    }

    List<Booking> bookings() {
        return List.copyOf(bookings);
    }

    /** Stops booking; waits for a booking under way. */
    void stop() {
        pace.shutdown();
        try {
            pace.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, Object> campaign(String id, String station) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", id);
        campaign.put("name", "Chaos benchmark " + id);
        campaign.put("kind", "COMMERCIAL");
        campaign.put("owner", "RailCast benchmarks");
        campaign.put("category", "benchmark");
        campaign.put("creatives", List.of(Map.of("id", creative, "weight", 1)));
        campaign.put("targeting", Map.of("stations", List.of(station)));
        campaign.put("flight", Map.of("start", today + "T00:00", "end", today.plusDays(2) + "T00:00"));
        campaign.put("frequency", "1/h");
        campaign.put("priceCents", 10_000);
        return campaign;
    }
}
