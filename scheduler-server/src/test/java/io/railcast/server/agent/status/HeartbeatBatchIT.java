package io.railcast.server.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.AgentProperties;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heartbeats stored in batches ({@link HeartbeatQueue}): a burst from many screens lands whole and each screen keeps
 * its latest report, a bad report in the burst is refused alone, and a request is answered 200 only when its
 * heartbeat is stored.
 */
class HeartbeatBatchIT extends AgentIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private HeartbeatQueue heartbeats;

    @Autowired
    private StatusRepository statuses;

    @Autowired
    private AgentProperties properties;

    @Autowired
    private MeterRegistry registry;

    @Test
    void storesTheLatestHeartbeatOfEveryScreenOfAConcurrentBurstAndRefusesTheBadOneAlone() {
        Map<String, String> tokens = screensWithTokens("HBB", 120);
        String bad = "HBB-007";
        List<CompletableFuture<List<HttpResponse<String>>>> screens = new ArrayList<>();
        tokens.forEach((screen, token) -> {
            // each screen's three heartbeats in turn, all screens at once
            CompletableFuture<List<HttpResponse<String>>> sent = CompletableFuture.completedFuture(List.of());
            for (int version = 1; version <= 3; version++) {
                String body = screen.equals(bad) && version == 3
                        ? "{\"cachedFiles\": -1, \"scheduleVersion\": 3}"
                        : heartbeat(version, screen.hashCode());
                sent = sent.thenCompose(earlier -> post(token, body).thenApply(answer -> append(earlier, answer)));
            }
            screens.add(sent);
        });

        for (CompletableFuture<List<HttpResponse<String>>> each : screens) {
            List<HttpResponse<String>> answers = each.join();
            for (HttpResponse<String> answer : answers.subList(0, 2)) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(JSON.readTree(answer.body()).path("serverTime").asString())
                        .isNotEmpty();
            }
        }
        HttpResponse<String> refused =
                screens.get(List.copyOf(tokens.keySet()).indexOf(bad)).join().get(2);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("cachedFiles");

        List<Map<String, Object>> rows = sql().queryForList("select screen_id, schedule_version, clock_offset_millis"
                + " from screen_status where screen_id like 'HBB-%' order by screen_id");
        assertThat(rows).hasSize(tokens.size());
        for (Map<String, Object> row : rows) {
            String screen = (String) row.get("screen_id");
            assertThat(row.get("schedule_version")).as(screen).isEqualTo(screen.equals(bad) ? 2L : 3L);
            assertThat(row.get("clock_offset_millis")).as(screen).isEqualTo((long) screen.hashCode());
        }
        long otherScreens = IntStream.range(0, screens.size())
                .filter(i -> !List.copyOf(tokens.keySet()).get(i).equals(bad))
                .filter(i -> screens.get(i).join().get(2).statusCode() == 200)
                .count();
        assertThat(otherScreens).isEqualTo(tokens.size() - 1);
    }

    @Test
    void keepsTheLaterReportWhenOneScreenIsTwiceInABatch() {
        fixtures.screens("HBT", "HBT-1");
        for (int round = 1; round <= 20; round++) {
            long first = round * 10L;
            // queued in this order within microseconds, far inside one linger: one batch (rarely two, in order)
            Mono.when(
                            heartbeats.store("HBT-1", report(first)),
                            heartbeats.store("HBT-1", report(first + 1)),
                            heartbeats.store("HBT-1", report(first + 2)))
                    .block(Duration.ofSeconds(30));
            assertThat(sql().queryForObject(
                                    "select schedule_version from screen_status where screen_id = 'HBT-1'", Long.class))
                    .as("round %d", round)
                    .isEqualTo(first + 2);
        }
    }

    @Test
    void aHeartbeatTheDatabaseRefusesIsAnswered503AloneAndTheRestOfItsBatchIsStored() {
        Map<String, String> tokens = screensWithTokens("HBF", 30);
        double notStoredBefore = notStored();
        sql().execute("create or replace function hbf_refuse() returns trigger language plpgsql as $$"
                + " begin if new.screen_id = 'HBF-001' then raise exception 'refused for the test'; end if;"
                + " return new; end $$");
        sql().execute("create trigger hbf_refuse before insert or update on screen_status"
                + " for each row execute function hbf_refuse()");
        Map<String, HttpResponse<String>> answers = new HashMap<>();
        try {
            Map<String, CompletableFuture<HttpResponse<String>>> sent = new HashMap<>();
            tokens.forEach((screen, token) -> sent.put(screen, post(token, heartbeat(5, 0))));
            sent.forEach((screen, answer) -> answers.put(screen, answer.join()));
        } finally {
            sql().execute("drop trigger hbf_refuse on screen_status");
            sql().execute("drop function hbf_refuse()");
        }

        HttpResponse<String> failed = answers.get("HBF-001");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(failed.body()).path("type").asString()).isEqualTo("/problems/heartbeat-not-stored");
        List<String> stored =
                sql().queryForList("select screen_id from screen_status where screen_id like 'HBF-%'", String.class);
        assertThat(notStored() - notStoredBefore)
                .isEqualTo(answers.values().stream()
                        .filter(answer -> answer.statusCode() == 503)
                        .count());
        answers.forEach((screen, answer) -> {
            assertThat(answer.statusCode()).as(screen).isEqualTo(screen.equals("HBF-001") ? 503 : 200);
            assertThat(stored.contains(screen))
                    .as("%s answered %d", screen, answer.statusCode())
                    .isEqualTo(answer.statusCode() == 200);
        });

        // the queue goes on after a failed batch
        HttpResponse<String> again =
                post(tokens.get("HBF-001"), heartbeat(6, 0)).join();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(count("screen_status where screen_id = 'HBF-001' and schedule_version = 6"))
                .isEqualTo(1);
    }

    @Test
    void aRecordTheDatabaseRefusesFailsNoOtherRecordOfItsBatch() throws Exception {
        fixtures.screens("HBD", "HBD-0", "HBD-1", "HBD-2", "HBD-3", "HBD-4", "HBD-5");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HeartbeatQueue queue = new HeartbeatQueue(statuses, properties, meters);
        queue.start();
        try {
            queue.store("HBD-0", report(1)).block(Duration.ofSeconds(30));
            List<CompletableFuture<Optional<Throwable>>> good = new ArrayList<>();
            CompletableFuture<Optional<Throwable>> bad; // past the controller's checks: a value PostgreSQL refuses
            try (Connection blocker = dataSource().getConnection()) {
                // HBD-0's row locked: its next batch waits on it, and all that comes meanwhile makes one batch
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("select * from screen_status where screen_id = 'HBD-0' for update");
                good.add(outcome(queue.store("HBD-0", report(2))));
                await(() ->
                        meters.get("railcast.agent.heartbeats.waiting").gauge().value() == 0);
                bad = outcome(
                        queue.store("HBD-3", new StatusReport("0.1.0\u0000", 2L, 1, 2L, 0, null, 0, Instant.now())));
                for (String screen : List.of("HBD-1", "HBD-2", "HBD-4", "HBD-5")) {
                    good.add(outcome(queue.store(screen, report(2))));
                }
                blocker.rollback();
            }
            good.forEach(each -> assertThat(each.join()).isEmpty());
            assertThat(bad.join()).get().isInstanceOf(HeartbeatRefusal.NotStored.class);
            // batches of 1, 1 and the five, which failed whole before being written again in parts
            assertThat(meters.get("railcast.agent.heartbeats.batch.size")
                            .summary()
                            .count())
                    .isEqualTo(3);
            assertThat(meters.get("railcast.agent.heartbeats.batch.size")
                            .summary()
                            .totalAmount())
                    .isEqualTo(7);
            assertThat(count("screen_status where screen_id like 'HBD-%' and schedule_version = 2"))
                    .isEqualTo(5);
            assertThat(count("screen_status where screen_id = 'HBD-3'")).isZero();
        } finally {
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            queue.stop(() -> stopped.complete(null));
            stopped.get();
        }
    }

    @Test
    void answers404ForAScreenNoLongerInTheNetworkAndStoresTheOthersOfItsBatch() {
        fixtures.screens("HBU", "HBU-1");
        Mono<Void> gone = heartbeats.store("HBU-GONE", report(1));
        Mono<Void> known = heartbeats.store("HBU-1", report(1));
        CompletableFuture<Optional<Throwable>> goneOutcome = outcome(gone);
        assertThat(outcome(known).join()).isEmpty();
        assertThat(goneOutcome.join())
                .get()
                .isInstanceOfSatisfying(
                        HeartbeatRefusal.UnknownScreen.class,
                        refusal -> assertThat(
                                        new HeartbeatProblems().refused(refusal).getStatusCode())
                                .isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(count("screen_status where screen_id = 'HBU-1'")).isEqualTo(1);
        assertThat(count("screen_status where screen_id = 'HBU-GONE'")).isZero();
    }

    @Test
    void refusesAHeartbeatAtOnceWhenTheQueueIsFullAndStoresTheQueuedOnesLater() throws Exception {
        fixtures.screens("HBQ", "HBQ-1", "HBQ-2");
        AgentProperties.Status status = properties.status();
        AgentProperties small = new AgentProperties(
                properties.token(),
                properties.schedule(),
                properties.events(),
                properties.media(),
                properties.plays(),
                new AgentProperties.Status(
                        status.versionGrace(), status.refresh(), status.clockTolerance(), 1, Duration.ofMillis(1), 3));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HeartbeatQueue queue = new HeartbeatQueue(statuses, small, meters);
        queue.start();
        heartbeats.store("HBQ-1", report(1)).block(Duration.ofSeconds(30));
        List<CompletableFuture<Optional<Throwable>>> outcomes = new ArrayList<>();
        try (Connection blocker = dataSource().getConnection()) {
            // the row locked: the queue's first batch waits on it, the next ones wait in the queue
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("select * from screen_status where screen_id = 'HBQ-1' for update");
            for (int i = 0; i < 10; i++) {
                outcomes.add(outcome(queue.store("HBQ-1", report(100 + i))));
            }
            assertThat(outcomes.stream().filter(CompletableFuture::isDone))
                    .as("refused at once")
                    .isNotEmpty()
                    .allSatisfy(done -> assertThat(done.join())
                            .get()
                            .isInstanceOfSatisfying(HeartbeatRefusal.QueueFull.class, refusal -> {
                                ResponseEntity<ProblemDetail> answer = new HeartbeatProblems().refused(refusal);
                                assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                                assertThat(answer.getHeaders().getFirst("Retry-After"))
                                        .isEqualTo("5");
                            }));
            blocker.rollback();
        } finally {
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            queue.stop(() -> stopped.complete(null));
            stopped.get();
        }
        long accepted = outcomes.stream().filter(each -> each.join().isEmpty()).count();
        // the queue's 3, and the one being written if the linger (1 ms) had passed before the others came
        assertThat(accepted).isBetween(3L, 4L);
        // what operations see: every refusal counted, every accepted heartbeat in a batch written, none left
        assertThat(meters.get("railcast.agent.heartbeats.refused")
                        .tag("reason", "queue-full")
                        .counter()
                        .count())
                .isEqualTo(outcomes.size() - accepted);
        assertThat(meters.get("railcast.agent.heartbeats.batch.size").summary().totalAmount())
                .isEqualTo(accepted);
        assertThat(meters.get("railcast.agent.heartbeats.batches").timer().count())
                .isEqualTo(accepted);
        assertThat(meters.get("railcast.agent.heartbeats.waiting").gauge().value())
                .isZero();
        // the last one queued is the last one stored
        int lastAccepted = IntStream.range(0, outcomes.size())
                .filter(i -> outcomes.get(i).join().isEmpty())
                .max()
                .orElseThrow();
        assertThat(sql().queryForObject(
                                "select schedule_version from screen_status where screen_id = 'HBQ-1'", Long.class))
                .isEqualTo(100L + lastAccepted);
    }

    /** Polls a condition the test cannot be told of, up to 30 s. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (long deadline = System.nanoTime() + 30_000_000_000L; !condition.getAsBoolean(); Thread.sleep(5)) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
        }
    }

    private double notStored() {
        return registry.get("railcast.agent.heartbeats.refused")
                .tag("reason", "not-stored")
                .counter()
                .count();
    }

    private Map<String, String> screensWithTokens(String station, int count) {
        String[] ids = IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s-%03d", station, i))
                .toArray(String[]::new);
        fixtures.screens(station, ids);
        Map<String, Object> issued = admin().post()
                .uri("/api/v1/agent-tokens")
                .bodyValue(Map.of("screens", List.of(ids)))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        Map<String, String> tokens = new java.util.TreeMap<>();
        JsonNode list = JSON.valueToTree(issued).path("tokens");
        list.forEach(each ->
                tokens.put(each.path("screenId").asString(), each.path("token").asString()));
        assertThat(tokens).hasSize(count);
        return tokens;
    }

    private CompletableFuture<HttpResponse<String>> post(String token, String body) {
        return HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/agent/v1/status"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String heartbeat(long version, long clockOffset) {
        return JSON.writeValueAsString(Map.of(
                "agentVersion",
                "0.1.0",
                "scheduleVersion",
                version,
                "cachedFiles",
                37,
                "cachedBytes",
                412_000_000L,
                "missingMedia",
                0,
                "clockOffsetMillis",
                clockOffset,
                "journalBacklog",
                0,
                "sentAt",
                Instant.now().toString()));
    }

    private static StatusReport report(long version) {
        return new StatusReport("0.1.0", version, 1, 2L, 0, null, 0, Instant.now());
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }

    /** Empty when stored, else the refusal; subscribed (queued) at once. */
    private static CompletableFuture<Optional<Throwable>> outcome(Mono<Void> stored) {
        return stored.then(Mono.just(Optional.<Throwable>empty()))
                .onErrorResume(e -> Mono.just(Optional.of(e)))
                .toFuture();
    }
}
