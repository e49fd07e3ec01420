package io.railcast.agent.net;

import static io.railcast.agent.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.railcast.agent.FakeServer;
import io.railcast.agent.LogCapture;
import io.railcast.agent.protocol.Backoff;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private FakeServer server;
    private ServerClient client;
    private EventStream stream;
    private final List<EventStream.ScheduleEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> upsAndDowns = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = FakeServer.start();
        client = new ServerClient(server.uri(), "screen-token", ServerClient.newHttpClient());
    }

    @AfterEach
    void stop() throws IOException {
        if (stream != null) {
            stream.close();
        }
        server.close();
    }

    private void listen(String lastEventId, Duration silence) {
        EventStream.Listener listener = new EventStream.Listener() {
            @Override
            public void scheduleEvent(EventStream.ScheduleEvent event) {
                events.add(event);
            }

            @Override
            public void streamUp() {
                upsAndDowns.add("up");
            }

            @Override
            public void streamDown() {
                upsAndDowns.add("down");
            }
        };
        Backoff fast = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), new Random(1));
        stream = new EventStream(client, listener, lastEventId, silence, fast);
        Thread thread = new Thread(stream, "test-events");
        thread.setDaemon(true);
        thread.start();
    }

    private static void write(HttpExchange exchange, String text) throws IOException {
        OutputStream out = exchange.getResponseBody();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void handsOverScheduleEventsAndResumesFromTheLastEventIdAfterADrop() throws Exception {
        server.route("/agent/v1/events", (exchange, body) -> {
            exchange.sendResponseHeaders(200, 0);
            if (server.requests("/agent/v1/events").size() == 1) {
                write(exchange, "event: heartbeat\ndata: {\"serverTime\": \"2026-11-24T03:12:15.120Z\"}\n\n");
                write(
                        exchange,
                        "event: schedule\nid: 43\ndata: {\"version\": 43, \"effectiveAt\": "
                                + "\"2026-11-24T03:12:00Z\", \"urgent\": true, \"plans\": [\"9f2c1a\"]}\n\n");
            } else {
                sleepQuietly(5_000);
            }
        });

        listen("42", Duration.ofSeconds(45));

        await(() -> server.requests("/agent/v1/events").size() >= 2, Duration.ofSeconds(5));
        assertThat(events)
                .containsExactly(new EventStream.ScheduleEvent(
                        43, Instant.parse("2026-11-24T03:12:00Z"), true, List.of("9f2c1a")));
        assertThat(server.requests("/agent/v1/events").get(0).header("Last-Event-ID"))
                .isEqualTo("42");
        assertThat(server.requests("/agent/v1/events").get(1).header("Last-Event-ID"))
                .isEqualTo("43");
        assertThat(server.requests("/agent/v1/events").get(0).header("Accept")).isEqualTo("text/event-stream");
        await(() -> upsAndDowns.size() >= 3, Duration.ofSeconds(5));
        assertThat(upsAndDowns).startsWith("up", "down", "up");
        assertThat(stream.isUp()).isTrue();
    }

    @Test
    void aStreamSilentForLongerThanTheHeartbeatAllowsIsReopened() throws Exception {
        server.route("/agent/v1/events", (exchange, body) -> {
            exchange.sendResponseHeaders(200, 0);
            write(exchange, ": opened\n\n");
            sleepQuietly(10_000); // a proxy swallowed the stream: no bytes, no close
        });

        listen(null, Duration.ofMillis(300));

        await(() -> server.requests("/agent/v1/events").size() >= 3, Duration.ofSeconds(5));
    }

    @Test
    void waitsAtLeastTheRetryAfterAnOverloadedServerAsksFor() throws Exception {
        server.route("/agent/v1/events", (exchange, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "1");
            FakeServer.send(exchange, 429, "application/problem+json", "{\"status\":429}".getBytes());
        });

        listen(null, Duration.ofSeconds(45));
        await(() -> server.requests("/agent/v1/events").size() >= 2, Duration.ofSeconds(5));

        // the fast backoff alone would have retried within 150 ms
        assertThat(server.requests("/agent/v1/events")).hasSize(2);
        assertThat(upsAndDowns).isEmpty();
    }

    @Test
    void stopsReconnectingOnceTheTokenIsRejected() throws Exception {
        server.json("/agent/v1/events", 401, "{\"status\":401,\"title\":\"Unauthorized\"}");

        try (LogCapture log = new LogCapture()) {
            listen(null, Duration.ofSeconds(45));
            await(() -> client.tokenRejected(), Duration.ofSeconds(5));
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(log.lines()).anyMatch(line -> line.contains("token revoked or unknown"));
        }

        assertThat(server.requests("/agent/v1/events")).hasSize(1);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
