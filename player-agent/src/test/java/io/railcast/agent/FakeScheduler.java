package io.railcast.agent;

import com.sun.net.httpserver.HttpExchange;
import io.railcast.agent.protocol.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent endpoints of docs/agent-protocol.md, as scheduler-server will serve them, over a {@link FakeServer}: one
 * published schedule with its ETag, media by creative, plays stored once by id, heartbeats answered with the time of
 * {@code clock} plus {@code clockAhead}, and an event stream the test pushes to.
 */
final class FakeScheduler implements AutoCloseable {

    final FakeServer server;
    private final Clock clock;
    private volatile TestSchedule published;
    private volatile String listedTakeovers = "";
    private volatile Duration clockAhead = Duration.ZERO;
    private volatile String acceptedToken = "screen-token";
    private final Map<String, byte[]> corrupted = new ConcurrentHashMap<>();
    private final Map<String, String> plays = new ConcurrentHashMap<>();
    private final List<String> playOrder = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger duplicates =
            new java.util.concurrent.atomic.AtomicInteger();
    private final List<JsonObject> statuses = new CopyOnWriteArrayList<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();

    FakeScheduler(Clock clock) throws IOException {
        this(clock, 0);
    }

    FakeScheduler(Clock clock, int port) throws IOException {
        this.clock = clock;
        this.server = FakeServer.start(port);
        route("/agent/v1/schedule", this::schedule);
        route("/agent/v1/events", this::events);
        route("/agent/v1/plays", this::plays);
        route("/agent/v1/status", this::status);
    }

    URI uri() {
        return server.uri();
    }

    void publish(TestSchedule schedule) {
        published = schedule;
        schedule.media()
                .forEach((creative, bytes) -> route(
                        "/agent/v1/media/" + creative,
                        (exchange, body) -> FakeServer.serveMedia(exchange, corrupted.getOrDefault(creative, bytes))));
    }

    /** Serves other bytes than the schedule's digest names for this creative. */
    void corrupt(String creative) {
        corrupted.put(creative, "not the creative".getBytes(StandardCharsets.UTF_8));
    }

    void announce(TestSchedule schedule, boolean urgent) {
        push("event: schedule\nid: " + schedule.version() + "\ndata: {\"version\": " + schedule.version()
                + ", \"effectiveAt\": \"" + schedule.effectiveAt() + "\", \"urgent\": " + urgent + "}\n\n");
    }

    /**
     * Lists takeovers in every schedule answer from now on, as the server's {@code takeovers}: a JSON array of
     * takeover objects as the protocol writes them; empty or null lists none (and leaves the ETag as it was).
     */
    void listTakeovers(String jsonArray) {
        listedTakeovers = jsonArray == null ? "" : jsonArray;
    }

    /** Sends a {@code takeover} event (its JSON as the protocol writes it) to every open event stream. */
    void takeover(String json) {
        push("event: takeover\ndata: " + json + "\n\n");
    }

    void clockAhead(Duration ahead) {
        clockAhead = ahead;
    }

    void acceptOnly(String token) {
        acceptedToken = token;
    }

    List<JsonObject> statuses() {
        return statuses;
    }

    /** Stored plays in the order they first arrived, as JSON text. */
    List<String> plays() {
        List<String> ordered = new ArrayList<>();
        playOrder.forEach(id -> ordered.add(plays.get(id)));
        return ordered;
    }

    /** Plays sent again after the server had stored them. */
    int duplicates() {
        return duplicates.get();
    }

    int openStreams() {
        return streams.size();
    }

    private void route(String path, FakeServer.Route route) {
        server.route(path, (exchange, body) -> {
            if (!("Bearer " + acceptedToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                FakeServer.send(
                        exchange,
                        401,
                        "application/problem+json",
                        "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}".getBytes());
                return;
            }
            route.handle(exchange, body);
        });
    }

    private void schedule(HttpExchange exchange, byte[] body) throws IOException {
        TestSchedule schedule = published;
        if (schedule == null) {
            FakeServer.send(exchange, 503, "application/problem+json", "{\"status\":503}".getBytes());
            return;
        }
        String takeovers = listedTakeovers;
        String etag = takeovers.isEmpty()
                ? schedule.etag()
                : schedule.etag().replaceFirst("\"$", "-t" + Integer.toHexString(takeovers.hashCode()) + "\"");
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            FakeServer.send(exchange, 304, "application/json", new byte[0]);
            return;
        }
        String json = schedule.json();
        if (!takeovers.isEmpty()) {
            json = json.substring(0, json.lastIndexOf('}')) + ", \"takeovers\": " + takeovers + "}";
        }
        exchange.getResponseHeaders().set("ETag", etag);
        FakeServer.send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private void events(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        streams.add(out);
        try {
            while (true) {
                Thread.sleep(1000);
                synchronized (out) {
                    out.write("event: heartbeat\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException | IOException e) {
            streams.remove(out);
        }
    }

    private void push(String event) {
        for (OutputStream out : streams) {
            try {
                synchronized (out) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                streams.remove(out);
            }
        }
    }

    private void plays(HttpExchange exchange, byte[] body) throws IOException {
        List<String> accepted = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (Object play : (List<?>) tools.jackson.jr.ob.JSON.std.mapFrom(body).get("plays")) {
            String id = (String) ((Map<?, ?>) play).get("playId");
            if (plays.putIfAbsent(id, tools.jackson.jr.ob.JSON.std.asString(play)) == null) {
                playOrder.add(id);
                accepted.add(id);
            } else {
                duplicates.add(id);
                this.duplicates.incrementAndGet();
            }
        }
        FakeServer.send(
                exchange,
                200,
                "application/json",
                JsonObject.write(Map.of("accepted", accepted, "duplicates", duplicates, "rejected", List.of())));
    }

    private void status(HttpExchange exchange, byte[] body) throws IOException {
        statuses.add(JsonObject.parse(body));
        FakeServer.send(
                exchange,
                200,
                "application/json",
                ("{\"serverTime\":\"" + clock.instant().plus(clockAhead) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
