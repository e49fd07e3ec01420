package io.railcast.server.agent.status;

import static io.railcast.server.agent.ContractFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.ContractFixtures.ScreenPlans;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Agent heartbeats ({@code POST /agent/v1/status}) and the operators' view of them. */
class StatusIT extends AgentIntegrationTest {

    @Test
    void answersAHeartbeatWithTheServerTimeAndKeepsTheLatest() {
        fixtures.screens("STS", "STS-1");
        WebTestClient agent = agent(issueToken("STS-1"));
        Instant before = Instant.now();
        report(agent, 40, 3)
                .expectBody()
                .jsonPath("$.serverTime")
                .value(
                        String.class,
                        serverTime -> assertThat(Instant.parse(serverTime)).isBetween(before, Instant.now()));
        report(agent, 41, 0).expectBody().jsonPath("$.serverTime").isNotEmpty();

        Map<String, Object> row = sql().queryForMap("select * from screen_status where screen_id = 'STS-1'");
        assertThat(row.get("agent_version")).isEqualTo("0.1.0");
        assertThat(row.get("schedule_version")).isEqualTo(41L);
        assertThat(row.get("missing_media")).isEqualTo(0);
        assertThat(row.get("cached_bytes")).isEqualTo(412_000_000L);
        assertThat(row.get("clock_offset_millis")).isEqualTo(-12L);
        assertThat(row.get("last_seen")).isNotNull();
        assertThat(count("screen_status where screen_id = 'STS-1'")).isEqualTo(1);
    }

    @Test
    void refusesANegativeCount() {
        fixtures.screens("STS", "STS-2");
        agent(issueToken("STS-2"))
                .post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"cachedFiles\": -1}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cachedFiles");
    }

    @Test
    void showsOperatorsWhichAgentsAreOnlineStaleOfflineOrOnAnOldVersion() {
        fixtures.screens("STA", "STA-1", "STA-2", "STA-3", "STA-4", "STA-5");
        String plan = fixtures.plan("FILL:CR-SF:5:F");
        ScreenPlans plans = ScreenPlans.constant(plan, plan, 4);
        long version = fixtures.publish(
                Instant.now().minus(Duration.ofHours(1)),
                false,
                today().minusDays(1),
                4,
                Map.of("STA-1", plans, "STA-2", plans, "STA-3", plans, "STA-4", plans, "STA-5", plans));
        report(agent(issueToken("STA-1")), version, 0);
        report(agent(issueToken("STA-2")), version - 1, 0);
        report(agent(issueToken("STA-3")), version, 2);
        report(agent(issueToken("STA-4")), version, 0);
        sql().update("update screen_status set last_seen = now() - interval '5 minutes' where screen_id = 'STA-3'");
        sql().update("update screen_status set last_seen = now() - interval '20 minutes' where screen_id = 'STA-4'");

        admin().get()
                .uri("/api/v1/screens/status?station=STA")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.expectedVersion")
                .isEqualTo(version)
                .jsonPath("$.screens")
                .isEqualTo(5)
                .jsonPath("$.online")
                .isEqualTo(2)
                .jsonPath("$.stale")
                .isEqualTo(1)
                .jsonPath("$.offline")
                .isEqualTo(1)
                .jsonPath("$.neverSeen")
                .isEqualTo(1)
                .jsonPath("$.onOldVersion")
                .isEqualTo(1)
                .jsonPath("$.missingMedia")
                .isEqualTo(1)
                .jsonPath("$.attention[*].screenId")
                .isEqualTo(List.of("STA-2", "STA-3", "STA-4", "STA-5"))
                .jsonPath("$.attention[0].oldVersion")
                .isEqualTo(true)
                .jsonPath("$.attention[0].scheduleVersion")
                .isEqualTo(version - 1)
                .jsonPath("$.attention[1].state")
                .isEqualTo("STALE")
                .jsonPath("$.attention[2].state")
                .isEqualTo("OFFLINE")
                .jsonPath("$.attention[3].state")
                .isEqualTo("NEVER_SEEN");
        anonymous.get().uri("/api/v1/screens/status").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsAScreenWhoseClockIsOffByMoreThanTheTolerance() {
        fixtures.screens("STC", "STC-1", "STC-2", "STC-3");
        String plan = fixtures.plan("FILL:CR-SF:5:F");
        ScreenPlans plans = ScreenPlans.constant(plan, plan, 4);
        long version = fixtures.publish(
                Instant.now().minus(Duration.ofHours(1)),
                false,
                today().minusDays(1),
                4,
                Map.of("STC-1", plans, "STC-2", plans, "STC-3", plans));
        report(agent(issueToken("STC-1")), version, 0, 1_500); // within 2 s: in step after correction, and sane
        report(agent(issueToken("STC-2")), version, 0, -300_000); // 5 minutes ahead
        Map<String, Object> first = new java.util.HashMap<>(Map.of(
                "agentVersion",
                "0.1.0",
                "scheduleVersion",
                0,
                "cachedFiles",
                0,
                "cachedBytes",
                0,
                "missingMedia",
                0,
                "journalBacklog",
                0,
                "sentAt",
                Instant.now().toString()));
        agent(issueToken("STC-3"))
                .post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(first)
                .exchange() // an agent's first heartbeat: no offset measured yet
                .expectStatus()
                .isOk();

        admin().get()
                .uri("/api/v1/screens/status?station=STC")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.online")
                .isEqualTo(3)
                .jsonPath("$.clockSkewed")
                .isEqualTo(1)
                .jsonPath("$.attention[*].screenId")
                .isEqualTo(List.of("STC-2", "STC-3"))
                .jsonPath("$.attention[0].clockSkewed")
                .isEqualTo(true)
                .jsonPath("$.attention[0].clockOffsetMillis")
                .isEqualTo(-300_000)
                .jsonPath("$.attention[1].clockSkewed")
                .isEqualTo(false)
                .jsonPath("$.attention[1].oldVersion")
                .isEqualTo(true);
    }

    @Test
    void oneScreensBadHeartbeatNeverFailsAnotherScreens() {
        List<String> screens =
                IntStream.rangeClosed(1, 20).mapToObj(i -> "STN-" + i).toList();
        fixtures.screens("STN", screens.toArray(String[]::new));
        String bad = "STN-7";
        Map<String, CompletableFuture<HttpResponse<String>>> sent = new TreeMap<>();
        // all at once, so that without the check the bad one would share a batch with the others
        screens.stream()
                .collect(Collectors.toMap(screen -> screen, this::issueToken))
                .forEach((screen, token) -> sent.put(
                        screen,
                        HTTP.sendAsync(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/agent/v1/status"))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"agentVersion\": \"0.1.0" + (screen.equals(bad) ? "\\u0000" : "")
                                                        + "\", \"scheduleVersion\": 9}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())));

        HttpResponse<String> refused = sent.get(bad).join();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"agentVersion\"");
        sent.forEach((screen, answer) -> assertThat(answer.join().statusCode())
                .as("%s: %s", screen, answer.join().body())
                .isEqualTo(screen.equals(bad) ? 400 : 200));
        assertThat(count("screen_status where screen_id like 'STN-%' and schedule_version = 9"))
                .isEqualTo(screens.size() - 1);
        assertThat(count("screen_status where screen_id = '" + bad + "'"))
                .as("the bad one changes nothing")
                .isZero();
    }

    private static WebTestClient.ResponseSpec report(WebTestClient agent, long version, int missingMedia) {
        return report(agent, version, missingMedia, -12);
    }

    private static WebTestClient.ResponseSpec report(
            WebTestClient agent, long version, int missingMedia, long clockOffsetMillis) {
        return agent.post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "agentVersion",
                        "0.1.0",
                        "scheduleVersion",
                        version,
                        "cachedFiles",
                        37,
                        "cachedBytes",
                        412_000_000L,
                        "missingMedia",
                        missingMedia,
                        "clockOffsetMillis",
                        clockOffsetMillis,
                        "journalBacklog",
                        0,
                        "sentAt",
                        Instant.now().toString()))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
