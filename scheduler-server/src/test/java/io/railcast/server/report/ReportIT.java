package io.railcast.server.report;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The screen-hour view, station fill and campaign delivery of the current version. */
class ReportIT extends ServerIntegrationTest {

    private String station;
    private String screen;

    @BeforeEach
    void booking() {
        Bookings.ensureCreative(admin(), sql());
        station = Bookings.stations(sql()).get(8);
        screen = sql().queryForObject("select min(id) from screen where station_code = ?", String.class, station);
        if (count("campaign where id = 'REP-1'") == 0) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial("REP-1", station, "3/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void showsWhatAScreenPlaysInAnHourWithCampaignNames() {
        LocalDate tomorrow = Bookings.today().plusDays(1);
        as("operator")
                .get()
                .uri("/api/v1/screens/{id}/plan?date={date}&hour=12", screen, tomorrow)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ScreenPlanView.class)
                .value(view -> {
                    assertThat(view.planId()).hasSize(16);
                    assertThat(view.onAir()).isEqualTo(new ScreenPlanView.OnAir(0, 3600));
                    assertThat(view.spots())
                            .filteredOn(spot -> spot.campaign().equals("REP-1"))
                            .hasSize(3)
                            .allSatisfy(spot -> {
                                assertThat(spot.campaignName()).isEqualTo("测试 REP-1");
                                assertThat(spot.kind()).isEqualTo("COMMERCIAL");
                                assertThat(spot.duration()).isEqualTo(15);
                            });
                    // the spots tile the hour
                    int at = 0;
                    for (ScreenPlanView.SpotView spot : view.spots()) {
                        assertThat(spot.offset()).isEqualTo(at);
                        at += spot.duration();
                    }
                    assertThat(at).isEqualTo(3600);
                });
    }

    @Test
    void showsAnHourOffAirAsDark() {
        // every demo station closes by 00:30 and opens at 05:30 at the earliest
        as("operator")
                .get()
                .uri("/api/v1/screens/{id}/plan?date={date}&hour=3", screen, Bookings.today())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.planId")
                .isEmpty()
                .jsonPath("$.onAir")
                .isEmpty()
                .jsonPath("$.spots")
                .isEmpty();
    }

    @Test
    void refusesAQueryOutsideTheHorizonOrTheDayNamingTheField() {
        as("operator")
                .get()
                .uri(
                        "/api/v1/screens/{id}/plan?date={date}&hour=12",
                        screen,
                        Bookings.today().plusDays(30))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
        as("operator")
                .get()
                .uri("/api/v1/screens/{id}/plan?date={date}&hour=24", screen, Bookings.today())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("hour");
        as("operator")
                .get()
                .uri("/api/v1/screens/NO-SUCH-SCREEN/plan?date={date}&hour=1", Bookings.today())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void reportsTheFillOfEveryStation() {
        as("operator")
                .get()
                .uri("/api/v1/inventory?date={date}", Bookings.today())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryView.class)
                .value(inventory -> {
                    assertThat(inventory.stations()).isNotEmpty().allSatisfy(fill -> {
                        assertThat(fill.fillPercent()).isBetween(0.0, 100.0);
                        assertThat(fill.contractedSeconds()).isLessThanOrEqualTo(fill.onAirSeconds());
                        assertThat(fill.commercialSeconds() + fill.publicServiceSeconds() + fill.fillerSeconds())
                                .as("the plans tile the on-air time")
                                .isEqualTo(fill.onAirSeconds());
                    });
                    InventoryView.StationFill booked = inventory.stations().stream()
                            .filter(fill -> fill.station().equals(station))
                            .findFirst()
                            .orElseThrow();
                    assertThat(booked.commercialSeconds()).isGreaterThan(0);
                    assertThat(inventory.total().onAirSeconds())
                            .isEqualTo(inventory.stations().stream()
                                    .mapToLong(InventoryView.StationFill::onAirSeconds)
                                    .sum());
                });
        as("operator")
                .get()
                .uri("/api/v1/inventory?date=tomorrow")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
    }

    @Test
    void reportsAProvincesStationsHourByHourAsTheScreensPlansAddUp() {
        LocalDate tomorrow = Bookings.today().plusDays(1);
        String province = sql().queryForObject("select province from station where code = ?", String.class, station);
        InventoryView day = as("operator")
                .get()
                .uri("/api/v1/inventory?date={date}", tomorrow)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryView.class)
                .returnResult()
                .getResponseBody();
        InventoryHoursView hours = as("operator")
                .get()
                .uri("/api/v1/inventory/hours?date={date}&province={province}", tomorrow, province)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryHoursView.class)
                .returnResult()
                .getResponseBody();
        assertThat(hours.version()).isEqualTo(day.version());
        assertThat(hours.stations())
                .extracting(InventoryHoursView.StationHours::station)
                .containsExactlyElementsOf(sql().queryForList(
                                "select distinct s.code from station s join screen sc"
                                        + " on sc.station_code = s.code where s.province = ? order by s.code",
                                String.class,
                                province));
        for (InventoryHoursView.StationHours row : hours.stations()) {
            assertThat(row.hours()).hasSize(24);
            assertThat(row.day())
                    .as("the hours of %s add up to its day", row.station())
                    .isEqualTo(day.stations().stream()
                            .filter(fill -> fill.station().equals(row.station()))
                            .findFirst()
                            .orElseThrow());
            assertThat(row.hours().get(3).fillPercent()).as("closed at 03:00").isNull();
        }

        // hour 12 at the booked station, summed over its screens' own plans
        Set<String> guaranteed = Set.copyOf(sql().queryForList(
                        "select id from campaign where kind = 'PUBLIC_SERVICE'" + " and body->>'frequency' is not null",
                        String.class));
        long onAir = 0;
        long contracted = 0;
        for (String id : sql().queryForList("select id from screen where station_code = ?", String.class, station)) {
            ScreenPlanView plan = as("operator")
                    .get()
                    .uri("/api/v1/screens/{id}/plan?date={date}&hour=12", id, tomorrow)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(ScreenPlanView.class)
                    .returnResult()
                    .getResponseBody();
            onAir += plan.onAir().to() - plan.onAir().from();
            contracted += plan.spots().stream()
                    .filter(spot -> spot.kind().equals("COMMERCIAL")
                            || spot.kind().equals("MAKE_GOOD")
                            || guaranteed.contains(spot.campaign()))
                    .mapToInt(ScreenPlanView.SpotView::duration)
                    .sum();
        }
        InventoryHoursView.HourFill noon = hours.stations().stream()
                .filter(row -> row.station().equals(station))
                .findFirst()
                .orElseThrow()
                .hours()
                .get(12);
        assertThat(noon.onAirSeconds()).isEqualTo(onAir);
        assertThat(noon.contractedSeconds()).isEqualTo(contracted).isGreaterThan(0);
        assertThat(noon.fillPercent()).isEqualTo(Math.round(1000.0 * contracted / onAir) / 10.0);
    }

    @Test
    void refusesAnHourlyInventoryQueryWithoutAKnownProvinceNamingTheField() {
        as("operator")
                .get()
                .uri("/api/v1/inventory/hours?date={date}", Bookings.today())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("province");
        as("operator")
                .get()
                .uri("/api/v1/inventory/hours?date={date}&province=火星", Bookings.today())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("province");
        String province = sql().queryForObject("select province from station where code = ?", String.class, station);
        as("operator")
                .get()
                .uri(
                        "/api/v1/inventory/hours?date={date}&province={province}",
                        Bookings.today().plusYears(2),
                        province)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("date");
    }
}
