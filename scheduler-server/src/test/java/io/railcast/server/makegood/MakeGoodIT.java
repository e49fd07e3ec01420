package io.railcast.server.makegood;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Make-goods over real HTTP on the shared server: the policy a booking carries, owed plays counted by cause by
 * {@code POST /api/v1/make-goods/run} into stored rows that the delivery report reads, and placed back into the
 * remaining flight where there is room ({@link MakeGoodPlacementIT} too). Its own station (MKG-A) and campaigns
 * (MKG-*).
 */
class MakeGoodIT extends ServerIntegrationTest {

    private static final String STATION = "MKG-A";

    private String screen;

    @BeforeEach
    void station() {
        Bookings.ensureCreative(admin(), sql());
        screen = allDayStation(STATION);
    }

    @Test
    void takesTheMakeGoodPolicyWithTheBookingAndRefusesItNamingTheField() {
        if (count("campaign where id = 'MKG-2'") == 0) {
            Map<String, Object> extended = new HashMap<>(commercial("MKG-2", STATION, "1/h"));
            extended.put("makeGoods", "extend");
            extended.put("makeGoodDays", 5);
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(extended)
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.campaign.makeGoods")
                    .isEqualTo("EXTEND")
                    .jsonPath("$.campaign.makeGoodDays")
                    .isEqualTo(5);
        }
        assertThat(sql().queryForMap("select make_good_policy, make_good_days from campaign where id = 'MKG-2'"))
                .containsEntry("make_good_policy", "EXTEND")
                .containsEntry("make_good_days", 5);

        refused(Map.of("makeGoods", "EXTEND", "makeGoodDays", 0), "makeGoodDays");
        refused(Map.of("makeGoods", "EXTEND"), "makeGoodDays");
        refused(Map.of("makeGoods", "ON", "makeGoodDays", 3), "makeGoodDays");
        refused(Map.of("makeGoods", "sometimes"), "makeGoods");
    }

    @Test
    void countsWhatPastDaysOweByCauseIntoStoredRowsTheDeliveryReportShows() {
        ensureBooked("MKG-1");
        assertThat(sql().queryForObject("select make_good_policy from campaign where id = 'MKG-1'", String.class))
                .as("a commercial campaign's default")
                .isEqualTo("ON");
        LocalDate yesterday = Bookings.today().minusDays(1);
        LocalDate before = Bookings.today().minusDays(2);
        // Past days as publication, proof of play and a takeover would have stored them (the campaign was booked
        // today, so no version of this run planned those days): yesterday 10 contracted, 8 placed, 3 played in
        // full, 2 displaced by a takeover; the day before played in full. And the screen's agent last heard from
        // three days ago, so its journal may still hold plays of yesterday.
        delivered(yesterday, 10, 8, 3, 2);
        delivered(before, 6, 6, 6, 0);
        sql().update(
                        "insert into screen_status (screen_id, last_seen) values (?, ?) on conflict (screen_id)"
                                + " do update set last_seen = excluded.last_seen",
                        screen,
                        Timestamp.from(Instant.now().minus(3, ChronoUnit.DAYS)));

        anonymous.post().uri("/api/v1/make-goods/run").exchange().expectStatus().isUnauthorized();
        as("csr").post().uri("/api/v1/make-goods/run").exchange().expectStatus().isForbidden();
        Map<String, Object> run = run("planner");
        assertThat(((Number) run.get("countedStationDays")).longValue()).isPositive();

        assertThat(owedRow(yesterday))
                .containsEntry("shortfall_plays", 2L)
                .containsEntry("takeover_plays", 2L)
                .containsEntry("not_played_plays", 3L)
                .containsEntry("awaiting_screens", 1);
        assertThat(count("make_good_owed where campaign_id = 'MKG-1' and day = '" + before + "'"))
                .as("a day played in full owes nothing")
                .isZero();
        Map<String, Object> delivery = delivery();
        assertThat(row(delivery, yesterday).get("owed"))
                .isEqualTo(Map.of("plays", 7, "shortfallPlays", 2, "takeoverPlays", 2, "notPlayedPlays", 3));
        assertThat(row(delivery, yesterday).get("makeGoodPlays")).isEqualTo(0);
        assertThat(row(delivery, before).get("owed")).as("nothing owed").isNull();
        assertThat(row(delivery, Bookings.today()).get("owed"))
                .as("today is not over")
                .isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) delivery.get("totals");
        assertThat(totals)
                .containsEntry("owedPlays", 7)
                .containsEntry("owedShortfallPlays", 2)
                .containsEntry("owedTakeoverPlays", 2)
                .containsEntry("owedNotPlayedPlays", 3)
                .as("the run placed the final causes (shortfall, takeover) in the remaining flight; not-played plays"
                        + " wait for the screen still to report")
                .containsEntry("makeGoodPlays", 4);
        assertThat(csv())
                .contains(STATION + "," + yesterday + ",10,8,120,3,3,2,7,2,2,3,0\n")
                .contains(STATION + "," + before + ",6,6,90,6,6,0,,,,,0\n");

        // the agent reports again (a real heartbeat): its journal is sent, yesterday's figures are final
        WebTestClient agent = anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token()))
                .build();
        agent.post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("agentVersion", "it", "sentAt", Instant.now().toString()))
                .exchange()
                .expectStatus()
                .isOk();
        run("operator");
        assertThat(owedRow(yesterday)).containsEntry("awaiting_screens", 0);
        Object counted = owedRow(yesterday).get("counted_at");
        run("planner");
        assertThat(owedRow(yesterday).get("counted_at"))
                .as("counting again changes nothing counted already")
                .isEqualTo(counted);

        // plays of yesterday that arrive late (from the journal) pay what was owed
        delivered(yesterday, 10, 8, 10, 2);
        run("planner");
        assertThat(owedRow(yesterday))
                .containsEntry("shortfall_plays", 0L)
                .containsEntry("takeover_plays", 0L)
                .containsEntry("not_played_plays", 0L);
    }

    private void ensureBooked(String id) {
        if (count("campaign where id = '" + id + "'") == 0) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial(id, STATION, "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    private void delivered(LocalDate day, long contracted, long scheduled, long played, long lost) {
        sql().update(
                        "insert into campaign_delivery (campaign_id, station_code, day, contracted_plays,"
                                + " scheduled_plays, scheduled_seconds, played_plays, reported_plays, lost_plays)"
                                + " values ('MKG-1', ?, ?, ?, ?, ?, ?, ?, ?) on conflict (campaign_id, station_code,"
                                + " day) do update set contracted_plays = excluded.contracted_plays,"
                                + " scheduled_plays = excluded.scheduled_plays,"
                                + " scheduled_seconds = excluded.scheduled_seconds,"
                                + " played_plays = excluded.played_plays, reported_plays = excluded.reported_plays,"
                                + " lost_plays = excluded.lost_plays",
                        STATION,
                        day,
                        contracted,
                        scheduled,
                        15 * scheduled,
                        played,
                        played,
                        lost);
    }

    private Map<String, Object> owedRow(LocalDate day) {
        return sql().queryForMap(
                        "select shortfall_plays, takeover_plays, not_played_plays, awaiting_screens, counted_at"
                                + " from make_good_owed where campaign_id = 'MKG-1' and station_code = ? and day = ?",
                        STATION,
                        day);
    }

    private Map<String, Object> run(String user) {
        return postJson(user, "/api/v1/make-goods/run");
    }

    private Map<String, Object> delivery() {
        return getJson("planner", "/api/v1/campaigns/MKG-1/delivery");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> delivery, LocalDate day) {
        return ((List<Map<String, Object>>) delivery.get("rows"))
                .stream()
                        .filter(row -> day.toString().equals(row.get("date")) && STATION.equals(row.get("station")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no row of " + day + " in " + delivery));
    }

    private String csv() {
        byte[] body = as("planner")
                .get()
                .uri("/api/v1/campaigns/MKG-1/delivery?format=csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new String(Objects.requireNonNull(body), StandardCharsets.UTF_8);
    }

    private String token() {
        Map<String, Object> issued = admin().post()
                .uri("/api/v1/screens/{id}/agent-token", screen)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }

    private void refused(Map<String, Object> policy, String field) {
        long campaigns = count("campaign");
        Map<String, Object> campaign = new HashMap<>(commercial("MKG-BAD", STATION, "1/h"));
        campaign.putAll(policy);
        as("planner")
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
                .isEqualTo(field);
        assertThat(count("campaign")).as("nothing stored").isEqualTo(campaigns);
    }
}
