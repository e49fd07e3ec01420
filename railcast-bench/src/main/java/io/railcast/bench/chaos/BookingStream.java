package io.railcast.bench.chaos;

import io.railcast.bench.fleet.AdminApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.jr.ob.JSON;

/**
 * A planner booking small campaigns (one station, today and tomorrow) at a steady pace, to the live servers in turn,
 * each with an id of its own, and the answer each got: what the audit holds the database to. Every
 * {@value #REAL_EVERY}th booking goes to a station of a real agent's screen, at {@value #REAL_FREQUENCY}, so that the
 * real agents show contracted spots too; the others to the virtual fleet's stations, at 1/h. A booking without an
 * answer is sent again, as a planner would once the service is back ({@link #retryUnanswered}). Thread-safe.
 */
final class BookingStream implements AutoCloseable {

    /** Every how many bookings one goes to a real agent's station. */
    static final int REAL_EVERY = 4;
    /** The frequency of those: a spot every 10 minutes on each screen of the station. */
    static final String REAL_FREQUENCY = "6/h";

    /** A booking's answer: its HTTP status (0: none, the connection failed or timed out) and version on 200 or 201. */
    record Booking(String id, String station, String server, int status, long version, long sentAt) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean refused() {
            return status >= 400 && status < 500;
        }

        /** This booking as the answer to its retry left it. */
        Booking answeredBy(Retry retry) {
            return new Booking(id, station, retry.server(), retry.status(), retry.version(), sentAt);
        }
    }

    /**
     * A booking sent again with the same id and body, and its answer: 200 a replay (it had been stored), 201 booked
     * now (it had not been), another 4xx refused, 0 or 5xx no answer again.
     */
    record Retry(String id, String server, int status, long version) {

        boolean replayed() {
            return status == 200;
        }

        boolean booked() {
            return status == 201;
        }

        boolean refused() {
            return status >= 400 && status < 500;
        }

        boolean answered() {
            return (status >= 200 && status < 300) || refused();
        }
    }

    /** What a server answered: the status (0: nothing) and, for a campaign, its {@code scheduleVersion}. */
    private record Answer(int status, long version) {}

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Booking> bookings = new CopyOnWriteArrayList<>();
    private final List<Retry> retries = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-bookings");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ServerProcess> servers;
    private final List<String> stations;
    private final List<String> realStations;
    private final AdminApi.User planner;
    private final String creative;
    private final String run;

    /** {@code stations}: the virtual fleet's; {@code realStations}: the real agents' (none when there are none). */
    BookingStream(
            List<ServerProcess> servers,
            List<String> stations,
            List<String> realStations,
            AdminApi.User planner,
            String creative,
            String run) {
        this.servers = List.copyOf(servers);
        this.stations = List.copyOf(stations);
        this.realStations = List.copyOf(realStations);
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
        return book(next(sequence.get()));
    }

    /** One booking to {@code server}, answered or not; recorded either way. */
    Booking book(ServerProcess server) {
        int n = sequence.incrementAndGet();
        String id = RealAgentAudit.BOOKING_PREFIX + run + "-" + n;
        boolean real = !realStations.isEmpty() && n % REAL_EVERY == 0;
        String station = real
                ? realStations.get(Math.floorMod(n / REAL_EVERY, realStations.size()))
                : stations.get(Math.floorMod(n, stations.size()));
        byte[] body = JSON.std.asBytes(campaign(id, station, real ? REAL_FREQUENCY : "1/h"));
        bodies.put(id, body);
        long sentAt = System.currentTimeMillis();
        Answer answer = send(server, body);
        Booking booking = new Booking(id, station, server.name(), answer.status(), answer.version(), sentAt);
        bookings.add(booking);
        return booking;
    }

    /**
     * Sends again, with the same id and body, every booking that has had no answer yet (5xx, timeout, refused
     * connection; its own or its retries'), one after another to the servers that answer, as a planner would once
     * the service is back; answers these retries.
     */
    List<Retry> retryUnanswered() {
        List<Retry> sent = new ArrayList<>();
        for (Booking booking : settled()) {
            if (booking.accepted() || booking.refused()) {
                continue;
            }
            ServerProcess server = next(sent.size());
            Answer answer = send(server, bodies.get(booking.id()));
            Retry retry = new Retry(booking.id(), server.name(), answer.status(), answer.version());
            retries.add(retry);
            sent.add(retry);
        }
        return sent;
    }

    /** Every retry sent so far. */
    List<Retry> retries() {
        return List.copyOf(retries);
    }

    /** Every booking with the last answer it got: its own, or that of a retry answered 2xx or 4xx. */
    List<Booking> settled() {
        return settled(bookings(), retries());
    }

    static List<Booking> settled(List<Booking> sent, List<Retry> retries) {
        Map<String, Retry> answered = new HashMap<>();
        retries.stream().filter(Retry::answered).forEach(retry -> answered.put(retry.id(), retry));
        return sent.stream()
                .map(booking ->
                        answered.containsKey(booking.id()) ? booking.answeredBy(answered.get(booking.id())) : booking)
                .toList();
    }

    /** The {@code n}-th server that answers, as a load balancer's health check would choose (the first if none). */
    private ServerProcess next(int n) {
        List<ServerProcess> live = servers.stream().filter(ServerProcess::ready).toList();
        return live.isEmpty() ? servers.get(0) : live.get(Math.floorMod(n, live.size()));
    }

    private Answer send(ServerProcess server, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(server.origin().resolve("/api/v1/campaigns"))
                    .header("Authorization", planner.header())
                    .header("Content-Type", "application/json")
                    .timeout(ANSWER_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            long version = 0;
            if (status == 200 || status == 201) {
                Object answered = JSON.std.mapFrom(response.body()).get("scheduleVersion");
                version = answered instanceof Number number ? number.longValue() : 0;
            }
            return new Answer(status, version);
        } catch (java.io.IOException e) {
            return new Answer(0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, 0);
        } catch (RuntimeException e) {
            return new Answer(0, 0); // a body that is not the campaign: counted as no answer
        }
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

    private Map<String, Object> campaign(String id, String station, String frequency) {
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
        campaign.put("frequency", frequency);
        campaign.put("priceCents", 10_000);
        return campaign;
    }
}
