package io.railcast.server.agent.media;

import static io.railcast.server.agent.ContractFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.ContractFixtures;
import io.railcast.server.agent.ContractFixtures.ScreenPlans;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /agent/v1/media/{creative}}: whole, resumed, and only what the screen's schedule names. */
class MediaIT extends AgentIntegrationTest {

    private final byte[] video = new byte[10_000];
    private String etag;

    @BeforeEach
    void media() {
        new Random(7).nextBytes(video);
        etag = '"' + ContractFixtures.sha256(video) + '"';
        fixtures.screens("MED", "MED-1", "MED-2", "MED-3");
        fixtures.creative("CR-M1", 15, video);
        fixtures.creative("CR-M2", 10, "other screen's".getBytes());
        fixtures.creative("CR-M3", 10, "next version's".getBytes());
        fixtures.creative("CR-MF", 5, "filler".getBytes());
    }

    @Test
    void servesScheduledMediaWithItsDigestAsEtagAndResumesFromARange() {
        String fallback = fixtures.plan("FILL:CR-MF:5:F");
        fixtures.publishNow(Map.of("MED-1", ScreenPlans.constant(fixtures.plan("C-M1:CR-M1:15:C"), fallback, 4)));
        WebTestClient agent = agent(issueToken("MED-1"));

        byte[] whole = agent.get()
                .uri("/agent/v1/media/CR-M1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader()
                .contentLength(video.length)
                .expectHeader()
                .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader()
                .contentType(MediaType.parseMediaType("video/mp4"))
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(whole).isEqualTo(video);

        byte[] rest = agent.get()
                .uri("/agent/v1/media/CR-M1")
                .header(HttpHeaders.RANGE, "bytes=4000-")
                .exchange()
                .expectStatus()
                .isEqualTo(206)
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 4000-9999/10000")
                .expectHeader()
                .contentLength(6000)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(rest).isEqualTo(Arrays.copyOfRange(video, 4000, 10_000));

        agent.get()
                .uri("/agent/v1/media/CR-M1")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void refusesMediaTheScreensScheduleDoesNotName() {
        String fallback = fixtures.plan("FILL:CR-MF:5:F");
        fixtures.publishNow(Map.of(
                "MED-2", ScreenPlans.constant(fallback, fallback, 4),
                "MED-3", ScreenPlans.constant(fixtures.plan("C-M2:CR-M2:10:C"), fallback, 4)));
        WebTestClient agent = agent(issueToken("MED-2"));
        agent.get()
                .uri("/agent/v1/media/CR-M2")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/media-not-scheduled");
        agent.get()
                .uri("/agent/v1/media/NO-SUCH-CREATIVE")
                .exchange()
                .expectStatus()
                .isForbidden();
        agent.get().uri("/agent/v1/media/CR-MF").exchange().expectStatus().isOk();
    }

    @Test
    void servesTheMediaOfAVersionNotYetEffectiveAndOfTheOneInForce() {
        String fallback = fixtures.plan("FILL:CR-MF:5:F");
        fixtures.publishNow(Map.of("MED-3", ScreenPlans.constant(fixtures.plan("C-M2:CR-M2:10:C"), fallback, 4)));
        fixtures.publish(
                Instant.now().plus(Duration.ofHours(6)),
                false,
                today().minusDays(1),
                4,
                Map.of("MED-3", ScreenPlans.constant(fixtures.plan("C-M3:CR-M3:10:C"), fallback, 4)));
        WebTestClient agent = agent(issueToken("MED-3"));
        agent.get().uri("/agent/v1/media/CR-M2").exchange().expectStatus().isOk();
        agent.get().uri("/agent/v1/media/CR-M3").exchange().expectStatus().isOk();
        agent.get().uri("/agent/v1/media/CR-M1").exchange().expectStatus().isForbidden();
    }
}
