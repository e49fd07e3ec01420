package io.railcast.server.report;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
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
            as("planner").post().uri("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial("REP-1", station, "3/h")).exchange()
                    .expectStatus().isCreated();
        }
    }

    @Test
    void showsWhatAScreenPlaysInAnHourWithCampaignNames() {
        LocalDate tomorrow = Bookings.today().plusDays(1);
        as("operator").get().uri("/api/v1/screens/{id}/plan?date={date}&hour=12", screen, tomorrow).exchange()
                .expectStatus().isOk()
                .expectBody(ScreenPlanView.class)
                .value(view -> {
                    assertThat(view.planId()).hasSize(16);
                    assertThat(view.onAir()).isEqualTo(new ScreenPlanView.OnAir(0, 3600));
                    assertThat(view.spots()).filteredOn(spot -> spot.campaign().equals("REP-1")).hasSize(3)
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
        as("operator").get().uri("/api/v1/screens/{id}/plan?date={date}&hour=3", screen, Bookings.today()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.planId").isEmpty()
                .jsonPath("$.onAir").isEmpty()
                .jsonPath("$.spots").isEmpty();
    }

    @Test
    void refusesAQueryOutsideTheHorizonOrTheDayNamingTheField() {
        as("operator").get().uri("/api/v1/screens/{id}/plan?date={date}&hour=12", screen,
                Bookings.today().plusDays(30)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        as("operator").get().uri("/api/v1/screens/{id}/plan?date={date}&hour=24", screen, Bookings.today())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("hour");
        as("operator").get().uri("/api/v1/screens/NO-SUCH-SCREEN/plan?date={date}&hour=1", Bookings.today())
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void reportsTheFillOfEveryStation() {
        as("operator").get().uri("/api/v1/inventory?date={date}", Bookings.today()).exchange()
                .expectStatus().isOk()
                .expectBody(InventoryView.class)
                .value(inventory -> {
                    assertThat(inventory.stations()).isNotEmpty().allSatisfy(fill -> {
                        assertThat(fill.fillPercent()).isBetween(0.0, 100.0);
                        assertThat(fill.contractedSeconds()).isLessThanOrEqualTo(fill.onAirSeconds());
                        assertThat(fill.commercialSeconds() + fill.publicServiceSeconds() + fill.fillerSeconds())
                                .as("the plans tile the on-air time").isEqualTo(fill.onAirSeconds());
                    });
                    InventoryView.StationFill booked = inventory.stations().stream()
                            .filter(fill -> fill.station().equals(station)).findFirst().orElseThrow();
                    assertThat(booked.commercialSeconds()).isGreaterThan(0);
                    assertThat(inventory.total().onAirSeconds()).isEqualTo(inventory.stations().stream()
                            .mapToLong(InventoryView.StationFill::onAirSeconds).sum());
                });
        as("operator").get().uri("/api/v1/inventory?date=tomorrow").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
    }

    @Test
    void reportsACampaignsDeliveryByStationAndDayAsJsonAndCsv() {
        long screens = count("screen where station_code = '" + station + "'");
        as("planner").get().uri("/api/v1/campaigns/REP-1/delivery").exchange()
                .expectStatus().isOk()
                .expectBody(DeliveryView.class)
                .value(delivery -> {
                    assertThat(delivery.rows()).extracting(DeliveryView.Row::station).containsOnly(station);
                    assertThat(delivery.rows()).extracting(DeliveryView.Row::date)
                            .containsExactly(Bookings.today(), Bookings.today().plusDays(1));
                    DeliveryView.Row tomorrow = delivery.rows().get(1);
                    assertThat(tomorrow.scheduledPlays() % screens).isZero();
                    assertThat(tomorrow.scheduledPlays()).isPositive();
                    assertThat(tomorrow.contractedPlays()).isEqualTo(tomorrow.scheduledPlays());
                    assertThat(tomorrow.scheduledSeconds()).isEqualTo(15 * tomorrow.scheduledPlays());
                    assertThat(tomorrow.playedPlays()).isZero();
                    assertThat(delivery.note()).contains("played is 0");
                });
        String csv = as("planner").get().uri("/api/v1/campaigns/REP-1/delivery")
                .header(HttpHeaders.ACCEPT, "text/csv").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("station,date,contracted_plays,scheduled_plays,scheduled_seconds,"
                + "played_plays");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(station + "," + Bookings.today() + ",");
        as("planner").get().uri("/api/v1/campaigns/NO-SUCH/delivery").exchange().expectStatus().isNotFound();
    }
}
