package io.railcast.server.makegood;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Placing owed plays over real HTTP on the shared server: {@code POST /api/v1/make-goods/run} places what a campaign
 * is owed inside its remaining flight where the whole-flight check finds room, as spots marked make-good in the
 * published plan and the agent's schedule, counted into {@code make_good_plays}, without changing another
 * campaign's guaranteed plays; what cannot be placed stays owed, and what does not fit at once is placed in part.
 * Its own stations (MKG-B with room, MKG-C where the owed campaign's flight has no time left, MKG-D where it has one
 * hour, MKG-E where a make-good's day lost its airtime) and campaigns (MKG-3, MKG-5, MKG-OTHER, MKG-FULL, MKG-HALF,
 * MKG-HALF-OTHER, MKG-LOST).
 */
class MakeGoodPlacementIT extends ServerIntegrationTest {

    private static final String ROOM = "MKG-B";
    private static final String FULL = "MKG-C";
    private static final String HALF = "MKG-D";
    private static final String LOST = "MKG-E";

    @Test
    void placesOwedPlaysInsideTheFlightWhereThereIsRoomMarkedAndCountedAndLeavesTheRestOwed() {
        Bookings.ensureCreative(admin(), sql());
        String screen = allDayStation(ROOM);
        allDayStation(FULL);
        LocalDate today = Bookings.today();
        // MKG-B: half of every loop sold to another campaign; MKG-3 plays once an hour for two days
        ensureBooked(commercial("MKG-OTHER", ROOM, "10/5min"));
        ensureBooked(twoDays(commercial("MKG-3", ROOM, "1/h"), today));
        // MKG-C: MKG-5 plays in the first five minutes of the day only, on its one day, today: nothing of its flight
        // remains from the next whole hour on, whenever the test runs
        Map<String, Object> early = new HashMap<>(commercial("MKG-5", FULL, "1/5min"));
        early.put("flight", Map.of("start", today + "T00:00", "end", today.plusDays(1) + "T00:00"));
        early.put("dailyHours", "00:00-00:05");
        ensureBooked(commercial("MKG-FULL", FULL, "10/5min"));
        ensureBooked(early);
        // yesterday the planner could not place 4 of MKG-3's plays, nor 2 of MKG-5's (as publication stores them)
        delivered("MKG-3", ROOM, today.minusDays(1), 10, 6);
        delivered("MKG-5", FULL, today.minusDays(1), 102, 100);
        List<Map<String, Object>> otherBefore = planned("MKG-OTHER", ROOM, today);
        List<Map<String, Object>> fullBefore = planned("MKG-FULL", FULL, today);
        List<List<Object>> ownBefore = own(planned("MKG-3", ROOM, today));

        Map<String, Object> run = run();

        assertThat(((Number) placed(run).get("plays")).longValue()).isGreaterThanOrEqualTo(4);
        Map<String, Object> madeGood = makeGoods("MKG-3");
        assertThat(owed(madeGood)).containsExactly(owedAt(ROOM, 4, 4, 0));
        Map<String, Object> placement = placements(madeGood).get(0);
        assertThat(placements(madeGood)).hasSize(1);
        LocalDate day = LocalDate.parse((String) placement.get("day"));
        assertThat(day).as("inside the remaining flight").isBetween(today, today.plusDays(1));
        assertThat(placement)
                .containsEntry("plays", 4)
                .containsEntry("playsPerScreen", 4)
                .containsEntry("screens", 1);
        long version = ((Number) placement.get("version")).longValue();

        assertThat(sql().queryForObject(
                                "select count(*) from screen_schedule ss cross join lateral unnest(ss.plan_ids) x(plan_id)"
                                        + " join hour_plan h on h.id = x.plan_id"
                                        + " cross join lateral jsonb_array_elements(h.body->'spots') s"
                                        + " where ss.version = ? and ss.screen_id = ? and s.value->>2 = 'MKG-3'"
                                        + " and s.value->>5 = 'M'",
                                Long.class,
                                version,
                                screen))
                .as("make-good spots in the version that placed them")
                .isEqualTo(4);
        List<Map<String, Object>> after = planned("MKG-3", ROOM, today);
        assertThat(after)
                .filteredOn(row -> day.equals(((java.sql.Date) row.get("day")).toLocalDate()))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("make_good_plays", 4L));
        assertThat(own(after))
                .as("the booking's own plays beside its make-goods")
                .isEqualTo(ownBefore);
        assertThat(agentSchedule(screen))
                .contains("\"campaign\":\"MKG-3\",\"creative\":\"" + Bookings.CREATIVE + "\",\"kind\":\"MAKE_GOOD\"");
        assertThat(kindsPlanned(screen, "MKG-3", day))
                .as("the screen-hour view tells the make-goods from the booking's own plays, as agents do")
                .containsEntry("MAKE_GOOD", 4L)
                .containsKey("COMMERCIAL");
        assertThat(planned("MKG-OTHER", ROOM, today))
                .as("another campaign's plays unchanged")
                .isEqualTo(otherBefore);

        assertThat(owed(makeGoods("MKG-5"))).as("no flight left: stays owed").containsExactly(owedAt(FULL, 2, 0, 2));
        assertThat(placements(makeGoods("MKG-5"))).isEmpty();
        assertThat(planned("MKG-FULL", FULL, today))
                .as("another campaign's plays unchanged")
                .isEqualTo(fullBefore);
        assertThat(((Number) owedTotals(run).get("stillOwedPlays")).longValue()).isGreaterThanOrEqualTo(2);

        run();
        assertThat(placements(makeGoods("MKG-3"))).as("placed once").containsExactly(placement);
    }

    @Test
    void placesFewerPlaysWhenAllThatIsOwedFindsNoRoomAndShowsTheRestStillOwed() {
        Bookings.ensureCreative(admin(), sql());
        allDayStation(HALF);
        LocalDate today = Bookings.today();
        LocalDate tomorrow = today.plusDays(1);
        // MKG-D: half of every loop sold to another campaign; MKG-HALF's flight is tomorrow from 10:00 to 11:00 only,
        // so its make-goods have one hour of one day: 3,600 s less the other's 1,800 s and its own play, room for
        // 119 more 15 s plays, whenever the test runs
        ensureBooked(commercial("MKG-HALF-OTHER", HALF, "10/5min"));
        Map<String, Object> oneHour = new HashMap<>(commercial("MKG-HALF", HALF, "1/h"));
        oneHour.put("flight", Map.of("start", tomorrow + "T00:00", "end", tomorrow.plusDays(1) + "T00:00"));
        oneHour.put("dailyHours", "10:00-11:00");
        ensureBooked(oneHour);
        // yesterday the planner could not place 300 of its plays (as publication stores them)
        delivered("MKG-HALF", HALF, today.minusDays(1), 300, 0);
        List<Map<String, Object>> otherBefore = planned("MKG-HALF-OTHER", HALF, today);
        List<List<Object>> ownBefore = own(planned("MKG-HALF", HALF, today));

        run();

        // 300 plays a screen did not fit that hour, nor 150: 75 did, and the day is the flight's last
        Map<String, Object> madeGood = makeGoods("MKG-HALF");
        assertThat(owed(madeGood))
                .containsExactly(Map.of(
                        "campaign",
                        "MKG-HALF",
                        "station",
                        HALF,
                        "policy",
                        "ON",
                        "owed",
                        300,
                        "placed",
                        75,
                        "stillOwed",
                        225));
        assertThat(placements(madeGood))
                .singleElement()
                .satisfies(placement -> assertThat(placement)
                        .containsEntry("day", tomorrow.toString())
                        .containsEntry("plays", 75)
                        .containsEntry("playsPerScreen", 75)
                        .containsEntry("screens", 1));
        assertThat(own(planned("MKG-HALF", HALF, today)))
                .as("the booking's own plays beside its make-goods")
                .isEqualTo(ownBefore);
        assertThat(planned("MKG-HALF-OTHER", HALF, today))
                .as("another campaign's plays unchanged")
                .isEqualTo(otherBefore);
    }

    @Test
    void placesAgainAMakeGoodWhoseDayLostItsAirtime() {
        Bookings.ensureCreative(admin(), sql());
        allDayStation(LOST);
        LocalDate today = Bookings.today();
        ensureBooked(commercial("MKG-LOST", LOST, "1/h"));
        // five days ago 8 of its plays did not play; two make-goods of 4 plays were placed for them: four days ago,
        // where they aired as planned, and two days ago, whose hours were then lost (the station closed): that
        // day's plan asked for none of them (as publication stores it), so they are owed again
        if (count("make_good_placed where campaign_id = 'MKG-LOST'") == 0) {
            delivered("MKG-LOST", LOST, today.minusDays(5), 18, 10, 0);
            delivered("MKG-LOST", LOST, today.minusDays(4), 28, 28, 4);
            delivered("MKG-LOST", LOST, today.minusDays(2), 24, 24, 0);
            placed("MKG-LOST", LOST, today.minusDays(4), 4);
            placed("MKG-LOST", LOST, today.minusDays(2), 4);
        }

        run();

        Map<String, Object> madeGood = makeGoods("MKG-LOST");
        assertThat(placements(madeGood))
                .as("the lost day's 4 plays placed again, from the next hour on")
                .hasSize(3)
                .last()
                .satisfies(placement -> {
                    assertThat(LocalDate.parse((String) placement.get("day"))).isBetween(today, today.plusDays(1));
                    assertThat(placement).containsEntry("plays", 4);
                });
        assertThat(owed(madeGood))
                .as("placed: the aired make-good and the new one, not the lost one")
                .containsExactly(Map.of(
                        "campaign",
                        "MKG-LOST",
                        "station",
                        LOST,
                        "policy",
                        "ON",
                        "owed",
                        8,
                        "placed",
                        8,
                        "stillOwed",
                        0));
    }

    @Test
    void refusesACampaignFilterThatIsNoIdNamingTheField() {
        as("planner")
                .get()
                .uri("/api/v1/make-goods?campaign={c}", "not an id!")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("campaign");
    }

    private static Map<String, Object> twoDays(Map<String, Object> campaign, LocalDate today) {
        Map<String, Object> shorter = new HashMap<>(campaign);
        shorter.put("flight", Map.of("start", today + "T00:00", "end", today.plusDays(2) + "T00:00"));
        return shorter;
    }

    private static Map<String, Object> owedAt(String station, int owed, int placed, int stillOwed) {
        return Map.of(
                "campaign", station.equals(ROOM) ? "MKG-3" : "MKG-5",
                "station", station,
                "policy", "ON",
                "owed", owed,
                "placed", placed,
                "stillOwed", stillOwed);
    }

    private void ensureBooked(Map<String, Object> campaign) {
        if (count("campaign where id = '" + campaign.get("id") + "'") == 0) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(campaign)
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    private void delivered(String campaign, String station, LocalDate day, long contracted, long scheduled) {
        sql().update(
                        "insert into campaign_delivery (campaign_id, station_code, day, contracted_plays,"
                                + " scheduled_plays, scheduled_seconds, played_plays, reported_plays)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (campaign_id, station_code, day)"
                                + " do update set contracted_plays = excluded.contracted_plays,"
                                + " scheduled_plays = excluded.scheduled_plays, played_plays = excluded.played_plays",
                        campaign,
                        station,
                        day,
                        contracted,
                        scheduled,
                        15 * scheduled,
                        scheduled,
                        scheduled);
    }

    /** A past day's figures as publication and the plays stored them, with the make-good plays its plan asked for. */
    private void delivered(
            String campaign, String station, LocalDate day, long contracted, long played, long madeGood) {
        sql().update(
                        "insert into campaign_delivery (campaign_id, station_code, day, contracted_plays,"
                                + " scheduled_plays, scheduled_seconds, played_plays, reported_plays, make_good_plays)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        campaign,
                        station,
                        day,
                        contracted,
                        contracted,
                        15 * contracted,
                        played,
                        played,
                        madeGood);
    }

    /** A make-good of {@code plays} plays on the station's one screen, as a run stores it with its version. */
    private void placed(String campaign, String station, LocalDate day, int plays) {
        sql().update(
                        "insert into make_good_placed (campaign_id, station_code, day, starts_at, plays_per_screen,"
                                + " screens, plays, placed_version, placed_at)"
                                + " values (?, ?, ?, ?, ?, 1, ?, (select max(version) from schedule_version), now())",
                        campaign,
                        station,
                        day,
                        day.atStartOfDay(),
                        plays,
                        plays);
    }

    /** A campaign's planned figures from {@code today} on, as publication stored them. */
    private List<Map<String, Object>> planned(String campaign, String station, LocalDate today) {
        return sql().queryForList(
                        "select day, contracted_plays, scheduled_plays, scheduled_seconds, make_good_plays"
                                + " from campaign_delivery where campaign_id = ? and station_code = ? and day >= ?"
                                + " order by day",
                        campaign,
                        station,
                        today);
    }

    /** Per day: contracted and scheduled plays less the make-good plays among them. */
    private static List<List<Object>> own(List<Map<String, Object>> planned) {
        return planned.stream()
                .map(row -> List.<Object>of(
                        row.get("day"),
                        (Long) row.get("contracted_plays") - (Long) row.get("make_good_plays"),
                        (Long) row.get("scheduled_plays") - (Long) row.get("make_good_plays")))
                .toList();
    }

    private Map<String, Object> run() {
        return postJson("planner", "/api/v1/make-goods/run");
    }

    private Map<String, Object> makeGoods(String campaign) {
        return getJson("operator", "/api/v1/make-goods?campaign={c}", campaign);
    }

    /** How many spots of each kind the screen-hour view shows {@code campaign} on {@code screen} over {@code day}. */
    private Map<String, Long> kindsPlanned(String screen, String campaign, LocalDate day) {
        Map<String, Long> kinds = new HashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            Map<String, Object> plan =
                    getJson("operator", "/api/v1/screens/{id}/plan?date={date}&hour={hour}", screen, day, hour);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> spots = (List<Map<String, Object>>) plan.get("spots");
            spots.stream()
                    .filter(spot -> campaign.equals(spot.get("campaign")))
                    .forEach(spot -> kinds.merge((String) spot.get("kind"), 1L, Long::sum));
        }
        return kinds;
    }

    private String agentSchedule(String screen) {
        Map<String, Object> issued = Objects.requireNonNull(admin().post()
                .uri("/api/v1/screens/{id}/agent-token", screen)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody());
        return Objects.requireNonNull(anonymous
                .get()
                .uri("/agent/v1/schedule?hours=72")
                .headers(headers -> headers.setBearerAuth((String) issued.get("token")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> placed(Map<String, Object> run) {
        return (Map<String, Object>) run.get("placed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> owedTotals(Map<String, Object> run) {
        return (Map<String, Object>) run.get("owed");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> owed(Map<String, Object> makeGoods) {
        return (List<Map<String, Object>>) makeGoods.get("owed");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> placements(Map<String, Object> makeGoods) {
        return (List<Map<String, Object>>) makeGoods.get("placements");
    }
}
