package io.railcast.server.campaign;

import static io.railcast.server.Bookings.commercial;
import static io.railcast.server.Bookings.publicService;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/campaigns} on the shared demo network: booking, rights, refusals, and their versions. */
class CampaignApiIT extends ServerIntegrationTest {

    private String station;
    private String otherStation;
    private String hub;

    @BeforeEach
    void creativeAndStations() {
        Bookings.ensureCreative(admin(), sql());
        List<String> stations = Bookings.stations(sql());
        station = stations.get(0);
        otherStation = stations.get(1);
        hub = Bookings.hub(sql());
    }

    @Test
    void booksACommercialCampaignAndPublishesItAsANewVersion() {
        long before = latestVersion();
        long version = scheduleVersion(as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-BOOK", station, "2/h"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/campaigns/CAMP-BOOK")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(CampaignView.class)
                .value(view -> {
                    assertThat(view.status()).isEqualTo("ACTIVE");
                    assertThat(view.createdBy()).isEqualTo("planner");
                    assertThat(view.campaign().frequency()).isEqualTo("2/h");
                }));

        assertThat(version).isGreaterThan(before);
        assertThat(latestVersion()).isEqualTo(version);
        Map<String, Object> row = sql().queryForMap("select * from schedule_version where version = ?", version);
        assertThat(row.get("reason")).isEqualTo("booking of CAMP-BOOK");
        assertThat(row.get("urgent")).isEqualTo(true);
        assertThat(row.get("effective_at"))
                .as("an urgent change is effective when published")
                .isEqualTo(row.get("published_at"));
        assertThat(count("screen_schedule where version = " + version)).isEqualTo(count("screen"));
        assertThat(sql().queryForObject("select published_version from campaign where id = 'CAMP-BOOK'", Long.class))
                .isEqualTo(version);
        // every screen of the station now has two plays an hour of it, and no other station has any
        assertThat(playsPerHour("CAMP-BOOK", station, version)).containsOnly(2);
        assertThat(count("screen_schedule ss join screen s on s.id = ss.screen_id where ss.version = " + version
                        + " and s.station_code <> '" + station + "' and exists (select 1 from unnest(ss.plan_ids) p"
                        + " join hour_plan h on h.id = p where h.body::text like '%CAMP-BOOK%')"))
                .isZero();
    }

    @Test
    void refusesAnOverbookedCampaignWithItsShortfallsAndStoresNothing() {
        long versions = count("schedule_version");
        long hourPlans = count("hour_plan");
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.greedy("CAMP-GREEDY", hub))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/overbooked")
                .jsonPath("$.fits")
                .isEqualTo(false)
                .jsonPath("$.shortSeconds")
                .value(seconds -> assertThat(((Number) seconds).longValue()).isPositive())
                .jsonPath("$.shortfalls[0].station")
                .isEqualTo(hub)
                .jsonPath("$.shortfalls[0].date")
                .isEqualTo(Bookings.today().toString())
                .jsonPath("$.shortfalls[0].screens")
                .value(n -> assertThat((Integer) n).isPositive())
                .jsonPath("$.shortfalls[0].campaigns")
                .value(c -> assertThat(c.toString()).contains("CAMP-GREEDY"));
        assertThat(count("campaign where id = 'CAMP-GREEDY'")).isZero();
        assertThat(count("schedule_version")).isEqualTo(versions);
        assertThat(count("hour_plan")).isEqualTo(hourPlans);
    }

    @Test
    void checksAvailabilityWithoutStoringAnything() {
        long versions = count("schedule_version");
        as("planner")
                .post()
                .uri("/api/v1/campaigns/availability")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.greedy("CAMP-ASK", hub))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.fits")
                .isEqualTo(false)
                .jsonPath("$.shortfalls[0].station")
                .isEqualTo(hub);
        as("planner")
                .post()
                .uri("/api/v1/campaigns/availability")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-ASK", otherStation, "1/h"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.fits")
                .isEqualTo(true)
                .jsonPath("$.shortSeconds")
                .isEqualTo(0)
                .jsonPath("$.shortfalls")
                .isEmpty();
        assertThat(count("schedule_version")).isEqualTo(versions);
        assertThat(count("campaign where id = 'CAMP-ASK'")).isZero();
    }

    @Test
    void letsTheCsrTeamBookPublicServiceButNotCommercialAirtime() {
        as("csr")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(publicService("CAMP-PSA", otherStation))
                .exchange()
                .expectStatus()
                .isCreated();
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-OWNED", otherStation, "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        long versions = count("schedule_version");

        expectForbidden(as("csr")
                .put()
                .uri("/api/v1/campaigns/CAMP-OWNED")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-OWNED", otherStation, "2/h"))
                .exchange());
        expectForbidden(
                as("csr").post().uri("/api/v1/campaigns/CAMP-OWNED/pause").exchange());
        expectForbidden(
                as("planner").post().uri("/api/v1/campaigns/CAMP-PSA/cancel").exchange());
        expectForbidden(as("planner")
                .put()
                .uri("/api/v1/campaigns/CAMP-PSA")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(publicService("CAMP-PSA", otherStation))
                .exchange());
        // nor may a planner turn a PSA into something a planner may book
        expectForbidden(as("planner")
                .put()
                .uri("/api/v1/campaigns/CAMP-PSA")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-PSA", otherStation, "1/h"))
                .exchange());
        expectForbidden(as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(publicService("CAMP-PSA2", otherStation))
                .exchange());

        assertThat(count("schedule_version")).isEqualTo(versions);
        assertThat(sql().queryForObject("select version from campaign where id = 'CAMP-OWNED'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void letsOperatorsReadButNotBook() {
        as("operator")
                .get()
                .uri("/api/v1/campaigns?kind=commercial&status=active")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(CampaignView.class)
                .value(list -> assertThat(list)
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c.campaign().kind()).isEqualTo("COMMERCIAL")));
        as("operator")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-OP", station, "1/h"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("campaign where id = 'CAMP-OP'")).isZero();
    }

    @Test
    void refusesMalformedJsonAndChangesNothing() {
        expectNothingChanges(() -> as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"CAMP-BAD\", \"kind\": }")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Malformed JSON"));
    }

    @Test
    void refusesAnUnknownCreativeNamingIt() {
        Map<String, Object> campaign = commercial("CAMP-BAD", station, "1/h");
        campaign.put("creatives", List.of(Map.of("id", Bookings.CREATIVE), Map.of("id", "NO-SUCH-CREATIVE")));
        expectInvalid(campaign, "creatives[1].id", "creative NO-SUCH-CREATIVE is not known");
    }

    @Test
    void refusesAFlightThatEndsBeforeItStarts() {
        Map<String, Object> campaign = commercial("CAMP-BAD", station, "1/h");
        campaign.put("flight", Map.of("start", "2026-12-01T00:00", "end", "2026-11-30T00:00"));
        expectInvalid(campaign, "flight.end", "must be after flight.start");
    }

    @Test
    void refusesAFrequencyThatCannotFitItsPeriod() {
        expectInvalid(
                commercial("CAMP-BAD", station, "5/1min"), "frequency", "5 plays of at least 15 s cannot fit in 1 min");
    }

    @Test
    void refusesAFrequencyThatIsNotOne() {
        expectInvalid(commercial("CAMP-BAD", station, "often"), "frequency", "frequency must look like 12/h");
    }

    @Test
    void refusesAnUnknownStationInTheTargeting() {
        expectInvalid(commercial("CAMP-BAD", "NOWHERE", "1/h"), "targeting.stations", "unknown station [NOWHERE]");
    }

    @Test
    void refusesDailyHoursThatSplitAnHourAndAMissingKind() {
        Map<String, Object> campaign = commercial("CAMP-BAD", station, "1/h");
        campaign.put("dailyHours", "05:40-05:10");
        campaign.remove("kind");
        expectNothingChanges(() -> admin().post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'kind')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'dailyHours')].message")
                .value(m -> assertThat(m.toString()).contains("split clock hour 5")));
    }

    @Test
    void pausesAndResumesWithAVersionEach() {
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-PAUSE", otherStation, "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();

        long paused = scheduleVersion(as("planner")
                .post()
                .uri("/api/v1/campaigns/CAMP-PAUSE/pause")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(CampaignView.class)
                .value(view -> {
                    assertThat(view.status()).isEqualTo("PAUSED");
                    assertThat(view.version()).isEqualTo(2);
                }));
        assertThat(playsPerHour("CAMP-PAUSE", otherStation, paused)).containsOnly(0);

        long resumed = scheduleVersion(as("planner")
                .post()
                .uri("/api/v1/campaigns/CAMP-PAUSE/resume")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(CampaignView.class)
                .value(view -> assertThat(view.status()).isEqualTo("ACTIVE")));
        assertThat(resumed).isGreaterThan(paused);
        assertThat(playsPerHour("CAMP-PAUSE", otherStation, resumed)).containsOnly(1);

        as("planner")
                .post()
                .uri("/api/v1/campaigns/CAMP-PAUSE/cancel")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        long cancelled = latestVersion();
        assertThat(cancelled).isGreaterThan(resumed);
        assertThat(playsPerHour("CAMP-PAUSE", otherStation, cancelled)).containsOnly(0);
        as("planner")
                .put()
                .uri("/api/v1/campaigns/CAMP-PAUSE")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-PAUSE", otherStation, "2/h"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/campaign-cancelled");
        assertThat(latestVersion()).isEqualTo(cancelled);
    }

    @Test
    void refusesAChangeBasedOnAStaleVersion() {
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-STALE", otherStation, "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        as("planner")
                .put()
                .uri("/api/v1/campaigns/CAMP-STALE")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-STALE", otherStation, "2/h"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"2\"");
        long versions = count("schedule_version");
        as("planner")
                .put()
                .uri("/api/v1/campaigns/CAMP-STALE")
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-STALE", otherStation, "3/h"))
                .exchange()
                .expectStatus()
                .isEqualTo(412);
        assertThat(count("schedule_version")).isEqualTo(versions);
        assertThat(sql().queryForObject(
                                "select body->>'frequency' from campaign where id = 'CAMP-STALE'", String.class))
                .isEqualTo("2/h");
    }

    @Test
    void publishesAtAFutureInstantWhenAsked() {
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        as("planner")
                .post()
                .uri("/api/v1/campaigns?effectiveAt={at}", at)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-LATER", otherStation, "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> version =
                sql().queryForMap("select effective_at, urgent from schedule_version order by version desc limit 1");
        assertThat(version.get("urgent")).isEqualTo(false);
        assertThat(((java.sql.Timestamp) version.get("effective_at")).toInstant())
                .isEqualTo(at);
        as("planner")
                .post()
                .uri("/api/v1/campaigns?effectiveAt=yesterday")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("CAMP-LATER2", otherStation, "1/h"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("effectiveAt");
    }

    private void expectInvalid(Map<String, Object> campaign, String field, String message) {
        expectNothingChanges(() -> as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).contains(message)));
    }

    private void expectNothingChanges(Runnable request) {
        long campaigns = count("campaign");
        long versions = count("schedule_version");
        request.run();
        assertThat(count("campaign")).isEqualTo(campaigns);
        assertThat(count("schedule_version")).isEqualTo(versions);
    }

    private static void expectForbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    private static long scheduleVersion(WebTestClient.BodySpec<CampaignView, ?> body) {
        Long version = body.returnResult().getResponseBody().scheduleVersion();
        assertThat(version).as("the schedule version that published the change").isNotNull();
        return version;
    }

    private long latestVersion() {
        Long latest = sql().queryForObject("select max(version) from schedule_version", Long.class);
        return latest == null ? 0 : latest;
    }

    /**
     * The distinct numbers of plays per screen-hour of a campaign over the on-air hours of a station's screens
     * today, in a version.
     */
    private List<Integer> playsPerHour(String campaign, String stationCode, long version) {
        return sql().queryForList(
                        "select distinct (select count(*) from jsonb_array_elements(h.body->'spots') e"
                                + " where e->>2 = ?)::int from screen_schedule ss join screen s on s.id = ss.screen_id"
                                + " cross join lateral unnest(ss.plan_ids[1:24]) p(id) join hour_plan h on h.id = p.id"
                                + " where ss.version = ? and s.station_code = ?"
                                + " and (h.body->'onAir'->>'to')::int - (h.body->'onAir'->>'from')::int = 3600",
                        Integer.class,
                        campaign,
                        version,
                        stationCode);
    }
}
