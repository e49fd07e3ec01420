package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * An emergency takeover over real HTTP with real agents: it reaches the agents of the screens it covers within
 * seconds and they show it, agents elsewhere do not; at its end they return to their schedule; an agent started
 * while it runs learns of it from its schedule answer; bad input is answered 400 naming the field.
 */
class TakeoverIT extends EndToEndTest {

    @Test
    void aStationsAgentsShowTheTakeoverUntilItEndsAndOthersDoNot() throws Exception {
        String screen = screenOnAir(TAKEN_OVER);
        String elsewhere = screenOnAir();
        ScreenLog shown = new ScreenLog();
        ScreenLog shownElsewhere = new ScreenLog();
        book("E2E-TAKEN-OVER", TAKEN_OVER);
        startAgent(config(issueToken(screen), temp.resolve("taken")).build(), shown);
        startAgent(config(issueToken(elsewhere), temp.resolve("elsewhere")).build(), shownElsewhere);
        await(
                "a first spot on both",
                Duration.ofSeconds(60),
                () -> !shown.plays().isEmpty() && !shownElsewhere.plays().isEmpty());

        Instant until = Instant.now().plusSeconds(12);
        Map<String, Object> started = start(Map.of(
                "notice",
                "列车晚点 Train delayed",
                "target",
                Map.of("stations", List.of(TAKEN_OVER)),
                "until",
                until.toString(),
                "reason",
                "TakeoverIT"));
        Instant startedAt = Instant.now();
        String id = (String) started.get("id");
        assertThat(started.get("state")).isEqualTo("ACTIVE");

        await("the takeover on screen", Duration.ofSeconds(3), () -> taken(shown, id));
        assertThat(Duration.between(startedAt, Instant.now())).isLessThan(Duration.ofSeconds(3));
        await(
                "a spot of the schedule again after the end",
                Duration.ofSeconds(30),
                () -> shown.plays().stream().anyMatch(play -> !play.at().isBefore(until)));
        assertThat(shownElsewhere.lines()).noneMatch(line -> line.contains(" TAKEOVER "));
        // the agent logs to the millisecond (truncated) and ends the takeover at `until` exactly: a spot logged in
        // the millisecond of the end is the schedule coming back, not a campaign during the takeover
        Instant end = until.truncatedTo(ChronoUnit.MILLIS);
        List<String> takeoverLines = shown.lines().stream()
                .filter(line -> line.contains(" TAKEOVER "))
                .toList();
        for (ScreenLog.Shown play : shown.plays()) {
            assertThat(play.at().isAfter(startedAt.plusSeconds(3)) && play.at().isBefore(end))
                    .as(
                            "no campaign on screen during the takeover (until %s): %s; takeover lines: %s",
                            until, play.line(), takeoverLines)
                    .isFalse();
        }

        await(
                "the lost plays counted",
                Duration.ofSeconds(30),
                () -> takeover(id).get("lostPlays") != null);
        Map<String, Object> ended = takeover(id);
        assertThat(ended.get("state")).isEqualTo("ENDED");
        assertThat(sql().queryForObject(
                                "select count(*) from audit_log where object_type = 'takeover' and object_id = ?",
                                Long.class,
                                id))
                .isEqualTo(1L);
    }

    @Test
    void anAgentStartedDuringATakeoverLearnsOfItFromItsScheduleAnswerAndACancelEndsIt() throws Exception {
        String screen = screenOnAir(TAKEN_OVER_LATER);
        Bookings.ensureCreative(admin(), sql());
        Map<String, Object> started = start(Map.of(
                "creative",
                Bookings.CREATIVE,
                "target",
                Map.of("stations", List.of(TAKEN_OVER_LATER), "screenTypes", List.of("LCD_FRAME"))));
        String id = (String) started.get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed =
                (List<Map<String, Object>>) schedule(issueToken(screen)).get("takeovers");
        assertThat(listed).extracting(takeover -> takeover.get("id")).containsExactly(id);

        ScreenLog shown = new ScreenLog();
        startAgent(config(issueToken(screen), temp.resolve("later")).build(), shown);
        await("the takeover on screen", Duration.ofSeconds(60), () -> taken(shown, id));
        assertThat(shown.lines().stream()
                        .filter(line -> line.contains(" TAKEOVER "))
                        .findFirst()
                        .orElseThrow())
                .contains(Bookings.CREATIVE)
                .doesNotContain("MEDIA MISSING");

        Map<String, Object> cancelled = as("operator")
                .post()
                .uri("/api/v1/takeovers/{id}/cancel", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        Instant cancelledAt = Instant.now();
        assertThat(Objects.requireNonNull(cancelled).get("state")).isEqualTo("CANCELLED");
        assertThat(cancelled.get("lostPlays")).isNotNull();
        await(
                "the schedule back on screen",
                Duration.ofSeconds(5),
                () -> shown.plays().stream().anyMatch(play -> play.at().isAfter(cancelledAt.minusSeconds(1))));
    }

    /**
     * A takeover of a station whose plan is known, from 50 s ago (the API allows a minute) until 40 s ahead, with a
     * booking published before it and another during it: the plays it reports lost are exactly the contracted spots
     * overlapping its period, each from the version in force on its screen at that moment, worked out from the
     * published tables apart from the server's query.
     */
    @Test
    void theLostPlaysAreTheContractedSpotsInForceDuringThePeriod() throws Exception {
        book("E2E-LOST-A", LOST, "6/5min");
        Map<String, Object> started = start(Map.of(
                "notice",
                "站台维修 Platform works",
                "target",
                Map.of("stations", List.of(LOST)),
                "from",
                Instant.now().minusSeconds(50).toString(),
                "until",
                Instant.now().plusSeconds(40).toString()));
        String id = (String) started.get("id");
        book("E2E-LOST-B", LOST, "6/5min");
        Instant bookedDuring = Objects.requireNonNull(sql().queryForObject(
                                "select v.effective_at from schedule_version v join campaign c"
                                        + " on c.published_version = v.version where c.id = 'E2E-LOST-B'",
                                java.sql.Timestamp.class))
                .toInstant();

        await(
                "the lost plays counted",
                Duration.ofSeconds(70),
                () -> takeover(id).get("lostPlays") != null);
        Map<String, Object> ended = takeover(id);
        Instant from = Instant.parse((String) ended.get("from"));
        Instant until = Instant.parse((String) ended.get("until"));
        assertThat(bookedDuring).isBetween(from, until);
        Map<String, LostPlaysExpected.Lost> expected = LostPlaysExpected.of(sql(), LOST, from, until);
        assertThat(expected.get("E2E-LOST-A").plays()).isPositive();
        assertThat(expected.get("E2E-LOST-B").plays()).isPositive();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reported = (List<Map<String, Object>>) ended.get("lostPlays");
        Map<String, LostPlaysExpected.Lost> actual = new java.util.TreeMap<>();
        reported.forEach(lost -> actual.put(
                (String) lost.get("campaign"),
                new LostPlaysExpected.Lost(
                        ((Number) lost.get("plays")).intValue(), ((Number) lost.get("seconds")).longValue())));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        refused(Map.of("target", Map.of("network", true)), "creative");
        refused(Map.of("notice", "x".repeat(281), "target", Map.of("network", true)), "notice");
        refused(Map.of("notice", "n", "target", Map.of("stations", List.of("NO-SUCH-STATION"))), "target.stations[0]");
        refused(Map.of("notice", "n", "target", Map.of("screenTypes", List.of("HOLOGRAM"))), "target.screenTypes[0]");
        refused(Map.of("notice", "n"), "target");
        refused(Map.of("notice", "n", "target", Map.of("network", true), "until", "tomorrow"), "until");
        refused(Map.of("creative", "NO-SUCH-CREATIVE", "target", Map.of("network", true)), "creative");
        as("planner")
                .post()
                .uri("/api/v1/takeovers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("notice", "n", "target", Map.of("network", true)))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static boolean taken(ScreenLog shown, String id) {
        return shown.lines().stream().anyMatch(line -> line.contains(" TAKEOVER " + id));
    }

    private Map<String, Object> start(Map<String, Object> request) {
        return Objects.requireNonNull(admin().post()
                .uri("/api/v1/takeovers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody());
    }

    private void refused(Map<String, Object> request, String field) {
        admin().post()
                .uri("/api/v1/takeovers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private Map<String, Object> takeover(String id) {
        return Objects.requireNonNull(admin().get()
                .uri("/api/v1/takeovers/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody());
    }

    private Map<String, Object> schedule(String token) {
        return Objects.requireNonNull(anonymous
                .get()
                .uri("/agent/v1/schedule?hours=2")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody());
    }

    private void book(String id, String station) {
        book(id, station, "2/5min");
    }

    private void book(String id, String station, String frequency) {
        Bookings.ensureCreative(admin(), sql());
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial(id, station, frequency))
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
