package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The OpenAPI document: served without sign-in, listing the main paths of both APIs with their sign-in. */
class ApiDocumentationIT extends ServerIntegrationTest {

    @Test
    void servesTheOpenApiDocumentWithTheMainPaths() {
        anonymous
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi")
                .value(String.class, version -> assertThat(version).startsWith("3."))
                .jsonPath("$.info.title")
                .isEqualTo("RailCast scheduler server")
                .jsonPath("$.paths['/api/v1/stations'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/stations'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/screens'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/creatives'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/campaigns'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/campaigns/availability'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/campaigns/{id}/delivery'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/inventory'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/versions'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/audit'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/campaigns/{id}/history'].get")
                .exists()
                .jsonPath("$.paths['/agent/v1/schedule'].get")
                .exists()
                .jsonPath("$.paths['/agent/v1/plays'].post")
                .exists()
                .jsonPath("$.paths['/agent/v1/status'].post")
                .exists()
                .jsonPath("$.security[0].basic")
                .exists()
                .jsonPath("$.paths['/agent/v1/plays'].post.security[0].agentToken")
                .exists()
                .jsonPath("$.components.securitySchemes.agentToken.scheme")
                .isEqualTo("bearer");
    }

    @Test
    void servesItAsYamlToo() {
        String yaml = anonymous
                .get()
                .uri("/v3/api-docs.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(yaml).startsWith("openapi: 3.").contains("/api/v1/campaigns/{id}/delivery:");
    }
}
