package io.railcast.server.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.ContractFixtures.ScreenPlans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /agent/v1/plans/{id}}, and schedule answers that name their plans without their bodies. */
class PlanIT extends AgentIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String commercial;
    private String filler;
    private WebTestClient agent;

    @BeforeEach
    void published() {
        fixtures.screens("PLN", "PLN-1", "PLN-2");
        fixtures.creative("CR-P1", 15, "plan commercial".getBytes());
        fixtures.creative("CR-PF", 5, "plan filler".getBytes());
        commercial = fixtures.plan("C-P1:CR-P1:15:C", "FILL:CR-PF:5:F");
        filler = fixtures.plan("FILL:CR-PF:5:F");
        fixtures.publishNow(Map.of("PLN-1", ScreenPlans.constant(commercial, filler, 3)));
        agent = agent(issueToken("PLN-1"));
    }

    @Test
    void servesAPlanAsTheScheduleAnswerHoldsItMarkedImmutable() {
        JsonNode schedule = JSON.readTree(agent.get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody());

        EntityExchangeResult<byte[]> plan = agent.get()
                .uri("/agent/v1/plans/{id}", commercial)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, '"' + commercial + '"')
                .expectBody()
                .returnResult();

        assertThat(JSON.readTree(plan.getResponseBody()))
                .isEqualTo(schedule.path("plans").path(commercial));
        agent.get()
                .uri("/agent/v1/plans/{id}", commercial)
                .header(HttpHeaders.IF_NONE_MATCH, '"' + commercial + '"')
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void gzipsAPlanWhenTheAgentAcceptsIt() throws IOException {
        byte[] plain = agent.get()
                .uri("/agent/v1/plans/{id}", filler)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody();
        byte[] gzipped = agent.get()
                .uri("/agent/v1/plans/{id}", filler)
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectBody()
                .returnResult()
                .getResponseBody();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void namesThePlansWithoutTheirBodiesWhenAskedAndKeepsTheEtag() {
        EntityExchangeResult<byte[]> whole =
                agent.get().uri("/agent/v1/schedule").exchange().expectBody().returnResult();
        EntityExchangeResult<byte[]> named = agent.get()
                .uri("/agent/v1/schedule?plans=ids")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();

        JsonNode body = JSON.readTree(named.getResponseBody());
        JsonNode wholeBody = JSON.readTree(whole.getResponseBody());
        assertThat(body.has("plans")).isFalse();
        assertThat(body.path("hours")).isEqualTo(wholeBody.path("hours"));
        assertThat(body.path("media")).isEqualTo(wholeBody.path("media"));
        assertThat(body.path("fallback").asString()).isEqualTo(filler);
        assertThat(named.getResponseBody().length).isLessThan(whole.getResponseBody().length);
        // the same schedule either way: an agent holding the whole answer is told nothing changed
        assertThat(named.getResponseHeaders().getETag())
                .isEqualTo(whole.getResponseHeaders().getETag());
    }

    @Test
    void refusesWhatIsNotAPlanIdOrNotStored() {
        agent.get()
                .uri("/agent/v1/plans/{id}", "NOT-HEX")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
        agent.get()
                .uri("/agent/v1/plans/{id}", "0123456789abcdef")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/no-plan");
        agent.get()
                .uri("/agent/v1/schedule?plans=some")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("plans");
    }

    @Test
    void servesPlansOnlyToScreens() {
        anonymous
                .get()
                .uri("/agent/v1/plans/{id}", commercial)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
