package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** ETags of single objects and {@code If-None-Match}, over real HTTP, on a station and campaign of its own. */
class EntityTagsIT extends ServerIntegrationTest {

    private String screen;

    @BeforeEach
    void stationScreenCampaign() {
        Bookings.ensureCreative(admin(), sql());
        screen = allDayStation("ETAG-ST");
        if (count("campaign where id = 'ETAG-CAMP'") == 0) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Bookings.commercial("ETAG-CAMP", "ETAG-ST", "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void answersNotModifiedWhenTheClientHoldsTheCurrentTag() {
        for (String path : List.of(
                "/api/v1/stations/ETAG-ST",
                "/api/v1/screens/" + screen,
                "/api/v1/creatives/" + Bookings.CREATIVE,
                "/api/v1/campaigns/ETAG-CAMP")) {
            String tag = admin().get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getETag();
            assertThat(tag).as(path).matches("\"[0-9a-f]{16}\"|\"[0-9]+\"");
            admin().get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, tag)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.NOT_MODIFIED)
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, tag)
                    .expectBody()
                    .isEmpty();
            admin().get()
                    .uri(path)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"someone-elses\"")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, tag);
        }
    }

    @Test
    void aCampaignsTagChangesWithItsVersion() {
        String before = etag("/api/v1/campaigns/ETAG-CAMP");
        Map<String, Object> changed = Bookings.commercial("ETAG-CAMP", "ETAG-ST", "2/h");
        as("planner")
                .put()
                .uri("/api/v1/campaigns/ETAG-CAMP")
                .header(HttpHeaders.IF_MATCH, before)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changed)
                .exchange()
                .expectStatus()
                .isOk();

        String after = etag("/api/v1/campaigns/ETAG-CAMP");
        assertThat(after).isNotEqualTo(before);
        admin().get()
                .uri("/api/v1/campaigns/ETAG-CAMP")
                .header(HttpHeaders.IF_NONE_MATCH, before)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aTagIsTheSameOnEveryAskAndDiffersBetweenObjects() {
        assertThat(etag("/api/v1/stations/ETAG-ST")).isEqualTo(etag("/api/v1/stations/ETAG-ST"));
        String other = sql().queryForObject("select min(code) from station where code <> 'ETAG-ST'", String.class);
        assertThat(etag("/api/v1/stations/" + other)).isNotEqualTo(etag("/api/v1/stations/ETAG-ST"));
    }

    private String etag(String path) {
        return admin().get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }
}
