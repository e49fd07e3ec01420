package io.railcast.agent.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.agent.Await;
import io.railcast.agent.FakeServer;
import io.railcast.agent.LogCapture;
import io.railcast.agent.TestBytes;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.PlayRecord;
import io.railcast.agent.protocol.ProtocolExamples;
import io.railcast.agent.protocol.ScheduleJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.jr.ob.JSON;

class ServerClientTest {

    private FakeServer server;
    private ServerClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = FakeServer.start();
        client = new ServerClient(server.uri(), "screen-token", ServerClient.newHttpClient());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void asksForTheHorizonWithTheScreensTokenAndGzip() throws Exception {
        server.json("/agent/v1/schedule", 200, ProtocolExamples.exampleText());

        client.schedule(72, null, Map.of());

        FakeServer.Request request = server.requests("/agent/v1/schedule").get(0);
        assertThat(request.query()).isEqualTo("hours=72"); // holding no plan, it asks for them all at once
        assertThat(request.header("Authorization")).isEqualTo("Bearer screen-token");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
        assertThat(request.header("If-None-Match")).isNull();
    }

    @Test
    void takesThePlansAnAnswerNamesByIdInGzipWhenItLacksThem() throws Exception {
        Map<String, Object> whole = JSON.std.mapFrom(ProtocolExamples.example());
        Map<String, Object> named = new LinkedHashMap<>(whole);
        Map<?, ?> plans = (Map<?, ?>) named.remove("plans");
        server.json("/agent/v1/schedule", 200, JSON.std.asString(named));
        for (Map.Entry<?, ?> plan : plans.entrySet()) {
            byte[] compressed = gzip(JSON.std.asBytes(plan.getValue()));
            server.route("/agent/v1/plans/" + plan.getKey(), (exchange, body) -> {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                FakeServer.send(exchange, 200, "application/json", compressed);
            });
        }

        ServerClient.FetchedSchedule fetched =
                client.schedule(72, null, Map.of()).orElseThrow();

        assertThat(fetched.schedule()).isEqualTo(ScheduleJson.parse(ProtocolExamples.example()));
        assertThat(ScheduleJson.parse(fetched.body())).isEqualTo(fetched.schedule()); // stored whole
        for (Object id : plans.keySet()) {
            FakeServer.Request request =
                    server.requests("/agent/v1/plans/" + id).get(0);
            assertThat(request.header("Authorization")).isEqualTo("Bearer screen-token");
            assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
        }
        // the next answer names the same plans: none is asked for again
        client.schedule(72, null, fetched.schedule().plans());
        assertThat(server.requests("/agent/v1/plans/9f2c1a")).hasSize(1);
        assertThat(server.requests("/agent/v1/schedule").get(1).query()).isEqualTo("plans=ids&hours=72");
    }

    @Test
    void anAnswerTakesThePlansPrefetchedForItsEventInsteadOfFetchingThemAgain() throws Exception {
        Map<String, Object> named = new LinkedHashMap<>(JSON.std.mapFrom(ProtocolExamples.example()));
        Map<?, ?> plans = (Map<?, ?>) named.remove("plans");
        server.json("/agent/v1/schedule", 200, JSON.std.asString(named));
        for (Map.Entry<?, ?> plan : plans.entrySet()) {
            server.json("/agent/v1/plans/" + plan.getKey(), 200, JSON.std.asString(plan.getValue()));
        }

        client.prefetchPlans(List.of("9f2c1a", "7b00de"));
        Await.await(
                () -> server.requests("/agent/v1/plans/9f2c1a").size()
                                + server.requests("/agent/v1/plans/7b00de").size()
                        == 2,
                Duration.ofSeconds(5));
        ServerClient.FetchedSchedule fetched =
                client.schedule(72, null, Map.of()).orElseThrow();

        assertThat(fetched.schedule()).isEqualTo(ScheduleJson.parse(ProtocolExamples.example()));
        assertThat(server.requests("/agent/v1/plans/9f2c1a")).hasSize(1);
        assertThat(server.requests("/agent/v1/plans/7b00de")).hasSize(1);
    }

    @Test
    void readsAGzippedScheduleAndKeepsItsETag() throws Exception {
        byte[] compressed = gzip(ProtocolExamples.example());
        server.route("/agent/v1/schedule", (exchange, body) -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("ETag", "\"v42-abc\"");
            FakeServer.send(exchange, 200, "application/json", compressed);
        });

        ServerClient.FetchedSchedule fetched =
                client.schedule(72, null, Map.of()).orElseThrow();

        assertThat(fetched.schedule().version()).isEqualTo(42);
        assertThat(fetched.etag()).isEqualTo("\"v42-abc\"");
        assertThat(fetched.body()).isEqualTo(ProtocolExamples.example());
    }

    @Test
    void sendsTheETagItHasAndTakesNotModifiedAsNothingChanged() throws Exception {
        server.route(
                "/agent/v1/schedule",
                (exchange, body) -> FakeServer.send(exchange, 304, "application/json", new byte[0]));

        assertThat(client.schedule(72, "\"v42-abc\"", Map.of())).isEmpty();
        assertThat(server.requests("/agent/v1/schedule").get(0).header("If-None-Match"))
                .isEqualTo("\"v42-abc\"");
    }

    @Test
    void anOverloadedServersRetryAfterIsKeptWithTheRefusal() {
        server.route("/agent/v1/schedule", (exchange, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            FakeServer.send(
                    exchange,
                    503,
                    "application/problem+json",
                    "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"starting\"}".getBytes());
        });

        assertThatThrownBy(() -> client.schedule(72, null, Map.of()))
                .isInstanceOfSatisfying(ServerRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(503);
                    assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(refusal.getMessage()).contains("starting");
                });
    }

    @Test
    void aRevokedTokenIsLoggedPlainlyOnceAndNoFurtherCallIsMadeUntilANewTokenIsGiven() throws Exception {
        server.json(
                "/agent/v1/schedule", 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"token revoked\"}");
        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> client.schedule(72, null, Map.of())).isInstanceOf(ServerRefusal.class);
            assertThatThrownBy(() -> client.schedule(72, null, Map.of()))
                    .isInstanceOf(ServerRefusal.class)
                    .hasMessageContaining("token revoked or unknown");
            assertThatThrownBy(() -> client.status(status())).isInstanceOf(ServerRefusal.class);

            assertThat(server.requests("/agent/v1/schedule")).hasSize(1);
            assertThat(log.lines())
                    .filteredOn(line -> line.contains("token revoked or unknown"))
                    .hasSize(1)
                    .allMatch(line -> line.startsWith("SEVERE"));
        }
        server.json("/agent/v1/schedule", 200, ProtocolExamples.exampleText());
        client.useToken("new-token");

        assertThat(client.schedule(72, null, Map.of())).isPresent();
        assertThat(server.requests("/agent/v1/schedule").get(1).header("Authorization"))
                .isEqualTo("Bearer new-token");
    }

    @Test
    void postsPlaysInTheProtocolsShapeAndTellsStoredFromRejected() throws Exception {
        UUID accepted = new UUID(0, 1);
        UUID duplicate = new UUID(0, 2);
        UUID rejected = new UUID(0, 3);
        UUID unanswered = new UUID(0, 4);
        UUID kept = new UUID(0, 5);
        server.json(
                "/agent/v1/plays",
                200,
                "{\"accepted\":[\"" + accepted + "\"],\"duplicates\":[\"" + duplicate
                        + "\"],\"rejected\":[{\"playId\":\"" + rejected
                        + "\",\"reason\":\"another screen\",\"stored\":false},"
                        + "{\"playId\":\"" + kept + "\",\"reason\":\"off-slot: late\",\"stored\":true}]}");
        List<PlayRecord> plays = List.of(accepted, duplicate, rejected, unanswered, kept).stream()
                .map(id -> new PlayRecord(
                        id, "BJN-LCD-0001", "C-0001", "CR-0001", Instant.parse("2026-11-24T03:00:00.012Z"), 15_004, 42))
                .toList();

        ServerClient.PlaysAnswer answer = client.plays(plays);

        assertThat(answer.stored()).containsExactlyInAnyOrder(accepted, duplicate, kept);
        assertThat(answer.notCounted()).isEqualTo(Map.of(kept, "off-slot: late"));
        assertThat(answer.rejected()).isEqualTo(Map.of(rejected, "another screen"));
        assertThat(server.requests("/agent/v1/plays").get(0).bodyText())
                .startsWith(
                        "{\"plays\":[{\"playId\":\""
                                + accepted
                                + "\",\"screenId\":\"BJN-LCD-0001\",\"campaign\":\"C-0001\",\"creative\":\"CR-0001\","
                                + "\"startedAt\":\"2026-11-24T03:00:00.012Z\",\"durationMillis\":15004,\"scheduleVersion\":42}");
        assertThat(server.requests("/agent/v1/plays").get(0).header("Content-Type"))
                .isEqualTo("application/json");
    }

    @Test
    void postsItsStatusAndReadsTheServersTime() throws Exception {
        server.json("/agent/v1/status", 200, "{\"serverTime\":\"2026-11-24T03:12:00.020Z\"}");

        Instant serverTime = client.status(status());

        assertThat(serverTime).isEqualTo(Instant.parse("2026-11-24T03:12:00.020Z"));
        assertThat(server.requests("/agent/v1/status").get(0).bodyText())
                .isEqualTo("{\"agentVersion\":\"0.1.0\","
                        + "\"scheduleVersion\":42,\"cachedFiles\":37,\"cachedBytes\":412000000,\"missingMedia\":0,"
                        + "\"clockOffsetMillis\":-12,\"journalBacklog\":0,\"sentAt\":\"2026-11-24T03:12:00Z\"}");
    }

    @Test
    void aForbiddenAnswerCarriesTheProblemDetail() {
        server.json("/agent/v1/plays", 403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"not your screen\"}");

        assertThatThrownBy(() -> client.plays(List.of()))
                .isInstanceOf(ServerRefusal.class)
                .hasMessage("403 Forbidden: not your screen");
        assertThat(client.tokenRejected()).isFalse();
    }

    @Test
    void mediaOnAnotherHostIsFetchedWithoutTheScreensToken() throws Exception {
        byte[] bytes = TestBytes.bytes(1000, 1);
        try (FakeServer cdn = FakeServer.start()) {
            cdn.route("/CR-1.mp4", (exchange, body) -> FakeServer.serveMedia(exchange, bytes));
            server.route("/agent/v1/media/CR-2", (exchange, body) -> FakeServer.serveMedia(exchange, bytes));

            client.open(new MediaFile("CR-1", cdn.uri() + "/CR-1.mp4", TestBytes.sha256(bytes), 1000, 15), 0).stream()
                    .close();
            client.open(new MediaFile("CR-2", "/agent/v1/media/CR-2", TestBytes.sha256(bytes), 1000, 15), 0).stream()
                    .close();

            assertThat(cdn.requests("/CR-1.mp4").get(0).header("Authorization")).isNull();
            assertThat(server.requests("/agent/v1/media/CR-2").get(0).header("Authorization"))
                    .isEqualTo("Bearer screen-token");
        }
    }

    private static StatusReport status() {
        return new StatusReport("0.1.0", 42, 37, 412_000_000, 0, -12L, 0, Instant.parse("2026-11-24T03:12:00Z"));
    }
}
