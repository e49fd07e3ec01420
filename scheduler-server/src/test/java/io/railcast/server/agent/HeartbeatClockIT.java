package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ShiftedClockIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A heartbeat is answered with the server's clock, the one that stamps versions and judges plays, not the host's:
 * agents play by the time it answers, so on a server whose clock is days off the host's they play its days.
 */
class HeartbeatClockIT extends ShiftedClockIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    @Test
    void answersAHeartbeatWithTheServersClock() {
        String screen = allDayStation("HBC-A");
        String token = (String) Objects.requireNonNull(admin().post()
                        .uri("/api/v1/screens/{id}/agent-token", screen)
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(OBJECT)
                        .returnResult()
                        .getResponseBody())
                .get("token");
        Instant before = clock().instant();

        Map<String, Object> answer = anonymous
                .post()
                .uri("/agent/v1/status")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("agentVersion", "it", "sentAt", before.toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT)
                .returnResult()
                .getResponseBody();

        Instant serverTime =
                Instant.parse((String) Objects.requireNonNull(answer).get("serverTime"));
        assertThat(serverTime).isBetween(before, clock().instant());
        assertThat(serverTime)
                .as("the host's clock is days ahead")
                .isBefore(Instant.now().minus(Duration.ofDays(1)));
    }
}
