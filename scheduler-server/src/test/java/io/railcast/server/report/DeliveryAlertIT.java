package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ShiftedClockIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The dashboard's under-delivery alerts, from plays the screens really reported, on a server whose clock the tests
 * move: each past hour is judged by the version that was in force then, whatever was published since.
 */
class DeliveryAlertIT extends ShiftedClockIntegrationTest {

    @Test
    void listsACampaignPlayedShortAndNotOnePlayedInFull() {
        playedShort("ALR-S", "ALR-LOW", "ALR-OK");

        DeliveryAlert low = alert("ALR-LOW", "under-played").orElseThrow();
        assertThat(low.name()).isEqualTo("测试 ALR-LOW");
        assertThat(low.played()).isEqualTo(1);
        assertThat(low.scheduled()).isEqualTo(3);
        assertThat(low.shortBy()).isEqualTo(2);
        assertThat(alerts()).extracting(DeliveryAlert::campaign).doesNotContain("ALR-OK");
        anonymous.get().uri("/api/v1/delivery/alerts").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void judgesAnHourByTheVersionInForceThenAfterARePlanChangedIt() {
        String screen = allDayStation("ALR-R");
        LocalDateTime local = LocalDateTime.ofInstant(clock().instant(), ZONE);
        if (local.getHour() >= 22) {
            // the hour to judge must lie on the day the re-plan's version plans, to show that it changed the hour
            clock().advanceTo(local.toLocalDate()
                    .plusDays(1)
                    .atStartOfDay(ZONE)
                    .toInstant()
                    .plusSeconds(60));
        }
        book("ALR-RAISED", "ALR-R", "3/h");
        book("ALR-CUT", "ALR-R", "6/h");
        Instant hour = passNextHour();
        report(screen, hour, Map.of("ALR-RAISED", 3, "ALR-CUT", 3));
        change("ALR-RAISED", "ALR-R", "6/h");
        change("ALR-CUT", "ALR-R", "3/h");

        LocalDateTime start = LocalDateTime.ofInstant(hour, ZONE);
        ScreenPlanView now = as("operator")
                .get()
                .uri("/api/v1/screens/{id}/plan?date={date}&hour={hour}", screen, start.toLocalDate(), start.getHour())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ScreenPlanView.class)
                .returnResult()
                .getResponseBody();
        assertThat(now).isNotNull();
        assertThat(now.spots())
                .filteredOn(spot -> spot.campaign().equals("ALR-RAISED"))
                .hasSize(6);
        assertThat(now.spots())
                .filteredOn(spot -> spot.campaign().equals("ALR-CUT"))
                .hasSize(3);

        // the current version would call ALR-RAISED 3 plays short and ALR-CUT on schedule; the hour's own says
        // the opposite
        assertThat(alert("ALR-RAISED", "under-played")).isEmpty();
        DeliveryAlert cut = alert("ALR-CUT", "under-played").orElseThrow();
        assertThat(cut.scheduled()).isEqualTo(6);
        assertThat(cut.played()).isEqualTo(3);
    }

    @Test
    void judgesTheLastHourBeforeMidnightByYesterdaysVersion() {
        String screen = allDayStation("ALR-M");
        book("ALR-M-LOW", "ALR-M", "3/h");
        book("ALR-M-OK", "ALR-M", "3/h");
        Instant midnight = passMidnight();
        report(screen, midnight.minus(Duration.ofHours(1)), Map.of("ALR-M-OK", 3, "ALR-M-LOW", 1));
        askAvailability("ALR-M");
        as("operator")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.firstDay")
                .isEqualTo(today().toString());
        assertThat(LocalDate.ofInstant(midnight, ZONE)).isEqualTo(today());

        DeliveryAlert low = alert("ALR-M-LOW", "under-played").orElseThrow();
        assertThat(low.scheduled()).isEqualTo(3);
        assertThat(low.played()).isEqualTo(1);
        assertThat(alerts()).extracting(DeliveryAlert::campaign).doesNotContain("ALR-M-OK");
    }

    @Test
    void listsAContractedCampaignThatTheNewDaysPlanCannotPlaceInFull() {
        allDayStation("ALR-G");
        // a booking of three quarters of the screen from the day after tomorrow, and a second one like it: the
        // whole-flight check refuses it now, but a book can hold such a campaign (accepted before that check, or
        // left short by a change of the network), so it is stored as it would have been
        Bookings.ensureCreative(admin(), sql());
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial("ALR-GREEDY-A", "ALR-G", "15/5min", today().plusDays(2)))
                .exchange()
                .expectStatus()
                .isCreated();
        sql().update("insert into campaign (id, kind, status, version, body, created_by, updated_by)"
                + " select 'ALR-GREEDY-B', kind, status, 1, body, created_by, updated_by from campaign"
                + " where id = 'ALR-GREEDY-A'");
        assertThat(alerts()).extracting(DeliveryAlert::campaign).doesNotContain("ALR-GREEDY-A", "ALR-GREEDY-B");

        passMidnight();
        askAvailability("ALR-G");

        List<DeliveryAlert> shortfalls = alerts().stream()
                .filter(a -> a.campaign().startsWith("ALR-GREEDY-") && a.kind().equals("shortfall"))
                .toList();
        assertThat(shortfalls).isNotEmpty();
        for (DeliveryAlert alert : shortfalls) {
            assertThat(alert.shortBy()).isPositive();
            assertThat(alert.contracted()).isEqualTo(alert.scheduled() + alert.shortBy());
            assertThat(alert.reason())
                    .matches("Version \\d+ schedules " + alert.scheduled() + " of " + alert.contracted()
                            + " contracted plays\\.");
        }
        // together they ask for 30 spots of 15 s of every 300 s loop on the day the horizon reached: 10 too many
        long loopsOfTheDay = 24 * 12;
        assertThat(shortfalls.stream().mapToLong(DeliveryAlert::shortBy).sum())
                .isGreaterThanOrEqualTo(loopsOfTheDay * 10);
    }

    private List<DeliveryAlert> alerts() {
        List<DeliveryAlert> alerts = as("csr")
                .get()
                .uri("/api/v1/delivery/alerts")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(DeliveryAlert.class)
                .returnResult()
                .getResponseBody();
        assertThat(alerts).isNotNull();
        return alerts;
    }

    private Optional<DeliveryAlert> alert(String campaign, String kind) {
        return alerts().stream()
                .filter(a -> a.campaign().equals(campaign) && a.kind().equals(kind))
                .findFirst();
    }

    private void change(String id, String station, String frequency) {
        as("planner")
                .put()
                .uri("/api/v1/campaigns/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial(id, station, frequency, today()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** An availability check: like every planning run, it first re-plans when the day has turned. */
    private void askAvailability(String station) {
        as("planner")
                .post()
                .uri("/api/v1/campaigns/availability")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial("ALR-ASK", station, "1/h", today()))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
