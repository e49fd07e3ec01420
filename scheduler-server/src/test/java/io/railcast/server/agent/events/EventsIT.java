package io.railcast.server.agent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.ContractFixtures;
import io.railcast.server.agent.ContractFixtures.ScreenPlans;
import io.railcast.server.agent.token.AgentTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** {@code GET /agent/v1/events}: heartbeats, and {@code schedule} when a version changing the screen is published. */
public class EventsIT extends AgentIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private String plan;
    private String other;

    @BeforeEach
    void network() {
        fixtures.screens("EVT", "EVT-1", "EVT-2", "EVT-3", "EVT-4", "EVT-5", "EVT-6");
        plan = fixtures.plan("C-E1:CR-E1:15:C", "FILL:CR-EF:5:F");
        other = fixtures.plan("FILL:CR-EF:5:F");
    }

    @Test
    void sendsAHeartbeatAtOnceAndThenRegularly() {
        StepVerifier.create(events(port, issueToken("EVT-1"), null).take(3))
                .assertNext(EventsIT::isHeartbeat)
                .assertNext(EventsIT::isHeartbeat)
                .then(() -> admin().get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .expectBody(String.class)
                        .value(metrics -> assertThat(metrics).containsPattern("railcast_agent_connected [1-9]")))
                .assertNext(EventsIT::isHeartbeat)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void announcesAVersionThatChangesTheScreenAfterItsNotification() {
        AtomicLong version = new AtomicLong();
        StepVerifier.create(events(port, issueToken("EVT-2"), null))
                .assertNext(EventsIT::isHeartbeat)
                .then(() -> {
                    version.set(fixtures.publishNow(Map.of("EVT-2", ScreenPlans.constant(plan, other, 4))));
                    ContractFixtures.announce(sql(), version.get());
                })
                .thenConsumeWhile(EventsIT::heartbeat)
                .assertNext(event -> isSchedule(event, version.get()))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void announcesNothingToAScreenTheVersionLeavesUnchanged() {
        AtomicLong first = new AtomicLong();
        AtomicLong changing = new AtomicLong();
        StepVerifier.create(events(port, issueToken("EVT-3"), null))
                .assertNext(EventsIT::isHeartbeat)
                .then(() -> {
                    first.set(fixtures.publishNow(Map.of("EVT-3", ScreenPlans.constant(plan, other, 4))));
                    ContractFixtures.announce(sql(), first.get());
                })
                .thenConsumeWhile(EventsIT::heartbeat)
                .assertNext(event -> {
                    isSchedule(event, first.get());
                    // the plans its changed hours name, for the agent to fetch while it asks for the answer
                    assertThat(event.data()).endsWith(",\"plans\":[\"" + plan + "\"]}");
                })
                .then(() -> {
                    long same = fixtures.publishNow(Map.of(
                            "EVT-3",
                            ScreenPlans.constant(plan, other, 4),
                            "EVT-4",
                            ScreenPlans.constant(plan, other, 4)));
                    ContractFixtures.announce(sql(), same);
                    changing.set(fixtures.publishNow(Map.of("EVT-3", ScreenPlans.constant(other, other, 4))));
                    ContractFixtures.announce(sql(), changing.get());
                })
                .thenConsumeWhile(EventsIT::heartbeat)
                .assertNext(event -> {
                    isSchedule(event, changing.get()); // none for the version in between
                    assertThat(event.data()).endsWith(",\"plans\":[\"" + other + "\"]}");
                })
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void repeatsTheLatestVersionToAnAgentReconnectingWithAnOlderLastEventId() {
        long version = fixtures.publishNow(Map.of("EVT-5", ScreenPlans.constant(plan, other, 4)));
        String token = issueToken("EVT-5");
        StepVerifier.create(events(port, token, version - 1))
                .assertNext(EventsIT::isHeartbeat)
                .assertNext(event -> isSchedule(event, version))
                .thenCancel()
                .verify(TIMEOUT);
        StepVerifier.create(events(port, token, version).take(2))
                .assertNext(EventsIT::isHeartbeat)
                .assertNext(EventsIT::isHeartbeat) // the next heartbeat, a second later: nothing to catch up on
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void endsAStreamWhenItsTokenIsRevokedOnAnyInstance() {
        String token = issueToken("EVT-6");
        StepVerifier.create(events(port, token, null))
                .assertNext(EventsIT::isHeartbeat)
                // as another instance revokes it: one transaction with its notification, nothing said to this one
                .then(() -> sql().execute("begin; update agent_token set revoked_at = now() where screen_id = 'EVT-6';"
                        + " select pg_notify('" + AgentTokens.REVOKED_CHANNEL + "', 'EVT-6'); commit"))
                .thenConsumeWhile(EventsIT::heartbeat)
                .expectComplete()
                .verify(TIMEOUT);
        agent(token).get().uri("/agent/v1/events").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void keepsTheStreamOfAScreensNewTokenWhenItsOldOneIsReplaced() {
        String old = issueToken("EVT-6");
        Flux<ServerSentEvent<String>> oldStream = events(port, old, null);
        StepVerifier.create(oldStream)
                .assertNext(EventsIT::isHeartbeat)
                .then(() -> {
                    String replacement = issueToken("EVT-6"); // revokes the old one
                    StepVerifier.create(events(port, replacement, null).take(3))
                            .assertNext(EventsIT::isHeartbeat)
                            .then(() -> issueToken("EVT-5")) // another screen's news ends nothing here
                            .assertNext(EventsIT::isHeartbeat)
                            .assertNext(EventsIT::isHeartbeat)
                            .expectComplete()
                            .verify(TIMEOUT);
                })
                .thenConsumeWhile(EventsIT::heartbeat)
                .expectComplete()
                .verify(TIMEOUT);
    }

    /** The screen's event stream, delivered off the HTTP client's event loop so that steps may block. */
    public static Flux<ServerSentEvent<String>> events(int port, String token, @Nullable Long lastEventId) {
        return WebClient.builder()
                .clientConnector(new JdkClientHttpConnector(HTTP))
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/agent/v1/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId.toString());
                    }
                })
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .publishOn(Schedulers.boundedElastic());
    }

    public static boolean heartbeat(ServerSentEvent<String> event) {
        return "heartbeat".equals(event.event());
    }

    static void isHeartbeat(ServerSentEvent<String> event) {
        assertThat(event.event()).isEqualTo("heartbeat");
        assertThat(event.id()).isNull();
        assertThat(event.data()).startsWith("{\"serverTime\":\"");
        String serverTime = event.data().substring(15, event.data().length() - 2);
        assertThat(Instant.parse(serverTime)).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }

    public static void isSchedule(ServerSentEvent<String> event, long version) {
        assertThat(event.event()).isEqualTo("schedule");
        assertThat(event.id()).isEqualTo(Long.toString(version));
        assertThat(event.data())
                .startsWith("{\"version\":" + version + ",\"effectiveAt\":\"")
                .contains("\"urgent\":true");
    }
}
