package io.railcast.server.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Taking screens and stations out of service over real HTTP and PostgreSQL, each test in an all-day station of its
 * own with a contracted campaign of 2 plays an hour there.
 */
class OutOfServiceIT extends ServerIntegrationTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Two hours of maintenance starting at the next clock hour but one. */
    private static final Instant FROM =
            Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.HOURS);

    private static final Instant UNTIL = FROM.plus(2, ChronoUnit.HOURS);

    /** An all-day station with one screen and campaign {@code code}-C booked there at 2 plays an hour. */
    private String stationWithBooking(String code) {
        String screen = allDayStation(code);
        Bookings.ensureCreative(admin(), sql());
        if (count("campaign where id = '" + code + "-C'") == 0) {
            admin().post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Bookings.commercial(code + "-C", code, "2/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        return screen;
    }

    private long latestVersion() {
        return Objects.requireNonNull(
                sql().queryForObject("select coalesce(max(version), 0) from schedule_version", Long.class));
    }

    private WebTestClient.ResponseSpec takeOut(String path, Map<String, Object> body) {
        return admin().post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void aDryRunNamesThePlaysItWouldMakeImpossibleAndStoresNothing() {
        String screen = stationWithBooking("OOS-A");
        long before = latestVersion();
        takeOut(
                        "/api/v1/screens/" + screen + "/out-of-service?dryRun=true",
                        Map.of("from", FROM.toString(), "until", UNTIL.toString(), "reason", "repair"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dryRun")
                .isEqualTo(true)
                .jsonPath("$.version")
                .doesNotExist()
                .jsonPath("$.campaigns[?(@.campaign == 'OOS-A-C')].plays")
                .isEqualTo(List.of(4))
                .jsonPath("$.campaigns[?(@.campaign == 'OOS-A-C')].screens")
                .isEqualTo(List.of(1))
                .jsonPath("$.impossiblePlays")
                .value(total -> assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(4));
        assertThat(count("out_of_service where screen_id = '" + screen + "'")).isZero();
        assertThat(count("audit_log where object_id = '" + screen + "' and kind = 'out-of-service'"))
                .isZero();
        assertThat(latestVersion()).isEqualTo(before);
    }

    @Test
    void aScreenOutOfServiceIsDarkInTheVersionPublishedWithIt() {
        String screen = stationWithBooking("OOS-B");
        long before = latestVersion();
        Map<String, Object> answer = takeOut(
                        "/api/v1/screens/" + screen + "/out-of-service",
                        Map.of("from", FROM.toString(), "until", UNTIL.toString()))
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        long version = ((Number) Objects.requireNonNull(answer).get("version")).longValue();
        assertThat(version).isGreaterThan(before);
        assertThat(lost(answer, "OOS-B-C")).as("2 plays an hour for 2 hours").isEqualTo(4);
        assertThat(count("out_of_service where screen_id = '" + screen + "' and ends_at is not null"))
                .isOne();
        assertThat(count("audit_log where object_type = 'screen' and object_id = '" + screen
                        + "' and kind = 'out-of-service'"))
                .isOne();

        assertThat(planned(version, screen, FROM)).as("off air from").isFalse();
        assertThat(planned(version, screen, FROM.plus(1, ChronoUnit.HOURS))).isFalse();
        assertThat(planned(version, screen, UNTIL)).as("back on air").isTrue();
        assertThat(planned(version, screen, FROM.minus(1, ChronoUnit.HOURS))).isTrue();

        // the agent's schedule has no hour while it is out of service: the protocol's dark screen
        List<Instant> hours = agentHours(screen);
        assertThat(hours).contains(UNTIL).doesNotContain(FROM, FROM.plus(1, ChronoUnit.HOURS));
    }

    @Test
    void aStationRetiredForGoodIsPlannedNowhereFromThen() {
        String screen = stationWithBooking("OOS-C");
        Map<String, Object> answer = takeOut(
                        "/api/v1/stations/OOS-C/out-of-service",
                        Map.of("from", FROM.toString(), "retired", true, "reason", "station closed"))
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        long version = ((Number) Objects.requireNonNull(answer).get("version")).longValue();
        assertThat(lost(answer, "OOS-C-C"))
                .as("2 plays an hour to the end of the plan")
                .isGreaterThan(4);
        assertThat(planned(version, screen, FROM.minus(1, ChronoUnit.HOURS))).isTrue();
        assertThat(planned(version, screen, FROM)).isFalse();
        assertThat(planned(version, screen, FROM.plus(30, ChronoUnit.HOURS))).isFalse();
        assertThat(count("screen_schedule where version = " + version + " and screen_id = '" + screen
                        + "' and fallback_plan_id is null"))
                .as("no fallback: it stays dark once its plans run out")
                .isOne();
        assertThat(count("out_of_service where station_code = 'OOS-C' and ends_at is null"))
                .isOne();
        assertThat(count("audit_log where object_type = 'station' and object_id = 'OOS-C' and kind = 'retire'"))
                .isOne();
    }

    @Test
    void refusesAPeriodWithoutAnEndUnlessRetiredNamingTheField() {
        String screen = allDayStation("OOS-D");
        takeOut("/api/v1/screens/" + screen + "/out-of-service", Map.of("from", FROM.toString()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("until");
        takeOut("/api/v1/screens/" + screen + "/out-of-service", Map.of("from", "tomorrow", "until", "later"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'from')]")
                .exists();
        assertThat(count("out_of_service where screen_id = '" + screen + "'")).isZero();
    }

    @Test
    void aStationsPeriodsNotEndedAreListedForEveryoneWithTheirScreenAndReason() {
        String screen = allDayStation("OOS-L");
        if (count("out_of_service where screen_id = '" + screen + "'") == 0) {
            takeOut(
                            "/api/v1/screens/" + screen + "/out-of-service",
                            Map.of("from", FROM.toString(), "until", UNTIL.toString(), "reason", "new glass"))
                    .expectStatus()
                    .isOk();
        }
        as("operator")
                .get()
                .uri("/api/v1/stations/OOS-L/out-of-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].screen")
                .isEqualTo(screen)
                .jsonPath("$[0].reason")
                .isEqualTo("new glass")
                .jsonPath("$[0].retired")
                .isEqualTo(false)
                .jsonPath("$[0].until")
                .value(until -> assertThat(Instant.parse((String) until)).isEqualTo(UNTIL));
        as("operator")
                .get()
                .uri("/api/v1/stations/OOS-NONE/out-of-service")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anUnknownScreenIs404() {
        takeOut("/api/v1/screens/OOS-NONE-01/out-of-service", Map.of("retired", true))
                .expectStatus()
                .isNotFound();
    }

    /** The plays of {@code campaign} that {@code answer} says the change makes impossible. */
    @SuppressWarnings("unchecked")
    private static long lost(Map<String, Object> answer, String campaign) {
        return ((List<Map<String, Object>>) answer.get("campaigns"))
                .stream()
                        .filter(c -> campaign.equals(c.get("campaign")))
                        .mapToLong(c -> ((Number) c.get("plays")).longValue())
                        .sum();
    }

    /** Whether {@code version} plans {@code screen} in the clock hour starting at {@code hour}. */
    private boolean planned(long version, String screen, Instant hour) {
        LocalDate firstDay = sql().queryForObject(
                        "select first_day from screen_schedule where version = ? and screen_id = ?",
                        LocalDate.class,
                        version,
                        screen);
        var local = hour.atZone(CHINA);
        int index = (int) ChronoUnit.DAYS.between(firstDay, local.toLocalDate()) * 24 + local.getHour() + 1;
        return Boolean.TRUE.equals(sql().queryForObject(
                        "select plan_ids[?] is not null from screen_schedule where version = ? and screen_id = ?",
                        Boolean.class,
                        index,
                        version,
                        screen));
    }

    private List<Instant> agentHours(String screen) {
        Map<String, Object> issued = admin().post()
                .uri("/api/v1/screens/{id}/agent-token", screen)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        String token = (String) Objects.requireNonNull(issued).get("token");
        Map<String, Object> schedule = anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build()
                .get()
                .uri("/agent/v1/schedule?hours=24")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hours =
                (List<Map<String, Object>>) Objects.requireNonNull(schedule).get("hours");
        return hours.stream().map(h -> Instant.parse((String) h.get("start"))).toList();
    }
}
