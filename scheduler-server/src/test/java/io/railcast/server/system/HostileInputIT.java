package io.railcast.server.system;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an attacker or a careless client sends, case by case: each is refused with a 4xx problem naming the field,
 * stores nothing, and leaves the server answering everyone else. The cases come from probing a running demo.
 */
class HostileInputIT extends ServerIntegrationTest {

    private static final String NUL = "\u0000";

    private String station;

    @BeforeEach
    void creative() {
        Bookings.ensureCreative(admin(), sql());
        station = Bookings.stations(sql()).get(12);
    }

    @Test
    void refusesAnSvgWithAScriptAndAnythingElseAScreenCannotPlay() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(document.cookie)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        refused(
                as("planner")
                        .post()
                        .uri("/api/v1/creatives?id=HOSTILE-SVG&durationSeconds=5&screenTypes=TV_SET")
                        .contentType(MediaType.parseMediaType("image/svg+xml"))
                        .bodyValue(svg)
                        .exchange(),
                415,
                "body");
        // the bytes decide, not the declared type
        refused(
                as("planner")
                        .post()
                        .uri("/api/v1/creatives?id=HOSTILE-SVG&durationSeconds=5&screenTypes=TV_SET")
                        .contentType(MediaType.IMAGE_PNG)
                        .bodyValue(svg)
                        .exchange(),
                415,
                "body");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        refused(
                as("planner")
                        .post()
                        .uri("/api/v1/creatives?id=HOSTILE-SVG&durationSeconds=5&screenTypes=TV_SET")
                        .contentType(MediaType.parseMediaType("video/mp4"))
                        .bodyValue(png)
                        .exchange(),
                415,
                "body");
        refused(
                as("planner")
                        .post()
                        .uri("/api/v1/creatives?id=HOSTILE-SVG&durationSeconds=5&screenTypes=TV_SET")
                        .contentType(MediaType.IMAGE_PNG)
                        .bodyValue(new byte[0])
                        .exchange(),
                400,
                "body");
        assertThat(count("creative where id = 'HOSTILE-SVG'")).isZero();
    }

    @Test
    void servesMediaAsASandboxedDownloadAndTheConsoleUnderAStrictPolicy() {
        admin().get()
                .uri("/api/v1/creatives/{id}/media", Bookings.CREATIVE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", "sandbox; default-src 'none'")
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition).startsWith("attachment"))
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
        anonymous
                .get()
                .uri("/console/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        policy -> assertThat(policy)
                                .contains("script-src 'self'")
                                .contains("object-src 'none'")
                                .contains("frame-ancestors 'none'")
                                .doesNotContain("unsafe-eval"));
    }

    @Test
    void refusesControlCharactersInEveryTextFieldAndParameter() {
        Map<String, Object> campaign = commercial("HOSTILE-NUL", station, "1/h");
        campaign.put("name", "name" + NUL);
        campaign.put("owner", "owner" + NUL);
        refused(book(campaign), 400, "name", "owner");
        assertThat(count("campaign where id = 'HOSTILE-NUL'")).isZero();

        refused(
                admin().post()
                        .uri("/api/v1/stations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "code",
                                "HOSTILE-ST",
                                "name",
                                "站" + NUL,
                                "province",
                                "测试省",
                                "bureau",
                                "测试局",
                                "tier",
                                "STANDARD",
                                "operatingHours",
                                "06:00-23:00"))
                        .exchange(),
                400,
                "name");
        assertThat(count("station where code = 'HOSTILE-ST'")).isZero();
        refused(
                admin().post()
                        .uri("/api/v1/screens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(
                                Map.of("id", "HOSTILE-SC", "station", station, "type", "TV_SET", "zone", "hall" + NUL))
                        .exchange(),
                400,
                "zone");
        assertThat(count("screen where id = 'HOSTILE-SC'")).isZero();

        refused(admin().get().uri("/api/v1/stations?province={p}", "北京" + NUL).exchange(), 400, "province");
        refused(admin().get().uri("/api/v1/screens?station={s}", station + NUL).exchange(), 400, "station");
        refused(admin().get().uri("/api/v1/campaigns/{id}", "C" + NUL).exchange(), 400, "path");
        admin().get()
                .uri("/api/v1/stations?province={p}", "北京")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void boundsTheLengthOfTextsAndLists() {
        Map<String, Object> campaign = commercial("HOSTILE-LONG", station, "1/h");
        campaign.put("name", "x".repeat(2_000_000));
        campaign.put(
                "targeting",
                Map.of("stations", List.of(station), "zones", java.util.Collections.nCopies(5_000, "hall")));
        refused(book(campaign), 400, "name", "targeting.zones");
        assertThat(count("campaign where id = 'HOSTILE-LONG'")).isZero();
        refused(
                admin().post()
                        .uri("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", "hostile-long", "password", "p".repeat(100), "role", "PLANNER"))
                        .exchange(),
                400,
                "password");
        assertThat(count("users where username = 'hostile-long'")).isZero();
    }

    @Test
    void boundsInstantsDatesAndNumbers() {
        for (String at : List.of("+300000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "2999-01-01T00:00:00Z")) {
            refused(
                    as("planner")
                            .post()
                            .uri("/api/v1/campaigns?effectiveAt={at}", at)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(commercial("HOSTILE-AT", station, "1/h"))
                            .exchange(),
                    400,
                    "effectiveAt");
        }
        for (String start : List.of("0001-01-01T00:00", "9999-01-01T00:00", "+99999-01-01T00:00")) {
            Map<String, Object> campaign = commercial("HOSTILE-AT", station, "1/h");
            campaign.put("flight", Map.of("start", start, "end", "+99999-12-01T00:00"));
            refused(book(campaign), 400, "flight.start");
        }
        Map<String, Object> campaign = commercial("HOSTILE-AT", station, "1/h");
        campaign.put("priority", -1);
        campaign.put("priceCents", 1.5);
        refused(book(campaign), 400, "priceCents");
        campaign.put("priceCents", 100);
        refused(book(campaign), 400, "priority");
        assertThat(count("campaign where id = 'HOSTILE-AT'")).isZero();
        refused(admin().get().uri("/api/v1/versions?limit=abc").exchange(), 400, "limit")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail)
                        .doesNotContain("input string")
                        .doesNotContain("Type mismatch"));
        refused(book("{\"id\": \"HOSTILE-AT\", \"priority\": 1" + "0".repeat(2_000) + "}"), 400)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).doesNotContain("Constraints"));
    }

    @Test
    void takesIfMatchStarAsAnyVersionOfACampaignThatExists() {
        book(commercial("HOSTILE-STAR", station, "1/h")).expectStatus().isCreated();
        as("planner")
                .post()
                .uri("/api/v1/campaigns/HOSTILE-STAR/pause")
                .header(HttpHeaders.IF_MATCH, "*")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PAUSED");
    }

    @Test
    void refusesStationCodesAndScreenIdsThatCannotBeNamedInAUrl() {
        for (String code : List.of("a/b", "../../etc/passwd", "<img src=x onerror=alert(1)>", "有中文")) {
            refused(
                    admin().post()
                            .uri("/api/v1/stations")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of(
                                    "code",
                                    code,
                                    "name",
                                    "站",
                                    "province",
                                    "测试省",
                                    "bureau",
                                    "测试局",
                                    "tier",
                                    "STANDARD",
                                    "operatingHours",
                                    "06:00-23:00"))
                            .exchange(),
                    400,
                    "code");
            refused(
                    admin().post()
                            .uri("/api/v1/screens")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("id", code, "station", station, "type", "TV_SET", "zone", "hall"))
                            .exchange(),
                    400,
                    "id");
        }
        assertThat(count("station where code like '%/%' or code like '<%'")).isZero();
        assertThat(count("screen where id like '%/%' or id like '<%'")).isZero();
    }

    private WebTestClient.ResponseSpec book(Object campaign) {
        return as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange();
    }

    /** Asserts a problem of {@code status} naming each of {@code fields} (none: the body as a whole). */
    private static WebTestClient.BodyContentSpec refused(
            WebTestClient.ResponseSpec response, int status, String... fields) {
        WebTestClient.BodyContentSpec body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        for (String field : fields) {
            body.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
        return body;
    }
}
