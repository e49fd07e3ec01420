package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ShiftedClockIntegrationTest;
import io.railcast.server.agent.plays.PlaysIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A heartbeat is answered with the server's clock, the one that stamps versions and judges plays, not the host's:
 * agents play by the time it answers, so on a server whose clock is days off the host's they play its days. The
 * event stream's heartbeats and the check that a play is not from the future read the same clock.
 */
class HeartbeatClockIT extends ShiftedClockIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    @Test
    void answersAHeartbeatWithTheServersClock() {
        String token = tokenOf(allDayStation("HBC-A"));
        Instant before = clock().instant();

        Map<String, Object> answer =
                postAsScreen(token, "/agent/v1/status", Map.of("agentVersion", "it", "sentAt", before.toString()));

        Instant serverTime = Instant.parse((String) answer.get("serverTime"));
        assertThat(serverTime).isBetween(before, clock().instant());
        assertThat(serverTime)
                .as("the host's clock is days ahead")
                .isBefore(Instant.now().minus(Duration.ofDays(1)));
    }

    @Test
    void sendsTheServersClockInTheEventStreamsHeartbeats() {
        String token = tokenOf(allDayStation("HBC-B"));
        Instant before = clock().instant();

        String first = anonymous
                .get()
                .uri("/agent/v1/events")
                .headers(headers -> headers.setBearerAuth(token))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .blockFirst(Duration.ofSeconds(30));

        assertThat(first).as("the heartbeat sent as the stream opens").contains("serverTime");
        Instant serverTime = Instant.parse(first.replaceAll(".*\"serverTime\":\\s*\"([^\"]+)\".*", "$1"));
        assertThat(serverTime).isBetween(before, clock().instant());
    }

    @Test
    void judgesAPlayFromTheFutureByTheServersClock() {
        String screen = allDayStation("HBC-C");
        String token = tokenOf(screen);
        Instant hostNow = Instant.now(); // days ahead of the server's clock

        Map<String, Object> receipt = postAsScreen(
                token, "/agent/v1/plays", Map.of("plays", List.of(PlaysIT.play(screen, "C-HBC", hostNow, 15_000, 1))));

        assertThat((List<?>) receipt.get("rejected")).singleElement().satisfies(rejected -> {
            Map<?, ?> why = (Map<?, ?>) rejected;
            assertThat(why.get("stored")).isEqualTo(false);
            assertThat(String.valueOf(why.get("reason"))).contains("ahead of the server's clock");
        });
    }

    /** POST {@code body} to {@code uri} as the screen of {@code token}, expecting 200: the JSON object answered. */
    private Map<String, Object> postAsScreen(String token, String uri, Object body) {
        return Objects.requireNonNull(anonymous
                .post()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT)
                .returnResult()
                .getResponseBody());
    }

    private String tokenOf(String screen) {
        return (String) Objects.requireNonNull(admin().post()
                        .uri("/api/v1/screens/{id}/agent-token", screen)
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(OBJECT)
                        .returnResult()
                        .getResponseBody())
                .get("token");
    }
}
