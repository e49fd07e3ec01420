package io.railcast.server.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Agent tokens: issued once to operators, stored hashed, one live per screen, revoked at once. */
class AgentTokenIT extends AgentIntegrationTest {

    @BeforeEach
    void screens() {
        fixtures.screens("TOK", "TOK-1", "TOK-2", "TOK-3", "TOK-4");
    }

    @Test
    void issuesATokenOnceAndStoresOnlyItsHash() {
        admin().post()
                .uri("/api/v1/screens/TOK-1/agent-token")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.screenId")
                .isEqualTo("TOK-1")
                .jsonPath("$.token")
                .value(String.class, token -> {
                    assertThat(token).matches("[A-Za-z0-9_-]{43}");
                    assertThat(count("agent_token where screen_id = 'TOK-1' and token_hash = '"
                                    + AgentTokens.hash(token) + "'"))
                            .isEqualTo(1);
                    assertThat(count("agent_token where token_hash = '" + token + "'"))
                            .isZero();
                })
                .jsonPath("$.createdAt")
                .isNotEmpty();
    }

    @Test
    void refusesACallWithoutATokenAsAProblemAskingForBearer() {
        anonymous
                .get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"RailCast agents\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/unauthenticated");
    }

    @Test
    void refusesAnUnknownToken() {
        agent("x".repeat(43))
                .post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"RailCast agents\", error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-agent-token")
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void refusesARevokedTokenAtOnce() {
        WebTestClient agent = agent(issueToken("TOK-2"));
        postStatus(agent).expectStatus().isOk();
        admin().delete()
                .uri("/api/v1/screens/TOK-2/agent-token")
                .exchange()
                .expectStatus()
                .isNoContent();
        postStatus(agent)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-agent-token");
    }

    @Test
    void issuingANewTokenRevokesTheScreensOldOne() {
        String old = issueToken("TOK-3");
        postStatus(agent(old)).expectStatus().isOk();
        String replacement = issueToken("TOK-3");
        postStatus(agent(old)).expectStatus().isUnauthorized();
        postStatus(agent(replacement)).expectStatus().isOk();
        assertThat(count("agent_token where screen_id = 'TOK-3' and revoked_at is null"))
                .isEqualTo(1);
    }

    @Test
    void refusesATokenUsedForAnotherScreensDataWithForbidden() {
        WebTestClient agent = agent(issueToken("TOK-4"));
        agent.get()
                .uri("/agent/v1/schedule?screen=TOK-1")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/other-screen");
        agent.post()
                .uri("/agent/v1/status?screen=TOK-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        agent.post()
                .uri("/agent/v1/status?screen=TOK-4")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void keepsTheOperatorsApiClosedToAgentTokens() {
        agent(issueToken("TOK-4"))
                .get()
                .uri("/api/v1/screens")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        anonymous
                .post()
                .uri("/api/v1/screens/TOK-1/agent-token")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void issuesTokensForManyScreensInOneCallAndRevokesTheirOldOnes() {
        String old = issueToken("TOK-1");
        Map<String, List<Map<String, String>>> answer = admin().post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of("TOK-1", "TOK-2", "TOK-3")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, String>>>>() {})
                .returnResult()
                .getResponseBody();
        List<Map<String, String>> issued = Objects.requireNonNull(answer).get("tokens");
        assertThat(issued).extracting(token -> token.get("screenId")).containsExactly("TOK-1", "TOK-2", "TOK-3");
        for (Map<String, String> token : issued) {
            postStatus(agent(token.get("token"))).expectStatus().isOk();
            assertThat(count("agent_token where revoked_at is null and screen_id = '" + token.get("screenId") + "'"))
                    .isEqualTo(1);
        }
        postStatus(agent(old)).expectStatus().isUnauthorized();
    }

    @Test
    void refusesABatchNamingAnUnknownScreenAndIssuesNone() {
        long before = count("agent_token");
        admin().post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of("TOK-1", "NOPE")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-screens")
                .jsonPath("$.errors[0].field")
                .isEqualTo("screens[1]");
        admin().post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of("TOK-1", "TOK-1")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("screens[1]");
        admin().post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("screens");
        assertThat(count("agent_token")).isEqualTo(before);
    }

    @Test
    void keepsBatchIssuingToAdministrators() {
        anonymous
                .post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of("TOK-1")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        agent(issueToken("TOK-4"))
                .post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of("TOK-1")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void answersATokenForAnUnknownScreenWithNotFound() {
        admin().post()
                .uri("/api/v1/screens/NOPE/agent-token")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/unknown-screen");
        admin().delete()
                .uri("/api/v1/screens/NOPE/agent-token")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private static WebTestClient.ResponseSpec postStatus(WebTestClient agent) {
        return agent.post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"agentVersion\": \"0.1.0\"}")
                .exchange();
    }
}
