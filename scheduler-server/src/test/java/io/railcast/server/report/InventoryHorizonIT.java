package io.railcast.server.report;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The inventory over the whole booking horizon: a booking months ahead and a hold show up as sold and held in their
 * month, province and day, and station by station hour by hour. A province of its own (one all-day station with two
 * screens), so no other test's bookings are counted there.
 */
class InventoryHorizonIT extends ServerIntegrationTest {

    private static final String PROVINCE = "库存测试省";
    private static final String STATION = "INVH-A";
    private static final long SCREENS = 2;

    @BeforeEach
    void station() {
        Bookings.ensureCreative(admin(), sql());
        if (count("station where code = '" + STATION + "'") > 0) {
            return;
        }
        Map<String, Object> demo = sql().queryForMap("select bureau from station order by code limit 1");
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "code",
                        STATION,
                        "name",
                        "库存站",
                        "province",
                        PROVINCE,
                        "bureau",
                        demo.get("bureau"),
                        "tier",
                        "STANDARD",
                        "operatingHours",
                        "00:00-00:00"))
                .exchange()
                .expectStatus()
                .isCreated();
        for (int i = 1; i <= SCREENS; i++) {
            admin().post()
                    .uri("/api/v1/screens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "id", STATION + "-0" + i, "station", STATION, "type", "LCD_FRAME", "zone", "hall-" + i))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void aFarFutureBookingAndAHoldAreSoldAndHeldInTheirMonthProvinceAndDay() {
        LocalDate booked = Bookings.today().plusDays(120);
        LocalDate held = booked.plusDays(5);
        // two 15 s plays an hour for ten days from day +120, and a hold of one an hour for ten days from day +125
        post(as("planner"), "/api/v1/campaigns", commercial("INVH-BOOK", STATION, "2/h", booked));
        post(as("planner"), "/api/v1/holds", commercial("INVH-HOLD", STATION, "1/h", held));

        YearMonth month = YearMonth.from(held);
        InventoryMonthView view = as("planner")
                .get()
                .uri("/api/v1/inventory?month={month}", month)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryMonthView.class)
                .returnResult()
                .getResponseBody();
        assertThat(view.month()).isEqualTo(month);
        assertThat(view.firstDay()).isEqualTo(month.atDay(1));
        assertThat(view.planDays()).isEmpty();
        InventoryMonthView.ProvinceDays province = view.provinces().stream()
                .filter(p -> p.province().equals(PROVINCE))
                .findFirst()
                .orElseThrow();
        assertThat(province.screens()).isEqualTo(SCREENS);
        assertThat(province.days()).hasSize(month.lengthOfMonth());
        long onAir = SCREENS * 86_400;
        long sold = SCREENS * 24 * 30;
        long hold = SCREENS * 24 * 15;
        for (InventoryMonthView.DayAirtime day : province.days()) {
            boolean isBooked = !day.date().isBefore(booked) && day.date().isBefore(booked.plusDays(10));
            boolean isHeld = !day.date().isBefore(held) && day.date().isBefore(held.plusDays(10));
            assertThat(day)
                    .as(day.date().toString())
                    .isEqualTo(InventoryMonthView.DayAirtime.of(
                            day.date(), "book", onAir, isBooked ? sold : 0, isHeld ? hold : 0));
        }
        assertThat(province.days()).anySatisfy(day -> {
            assertThat(day.soldSeconds()).isEqualTo(sold);
            assertThat(day.heldSeconds()).isEqualTo(hold);
            assertThat(day.freeSeconds()).isEqualTo(onAir - sold - hold);
        });

        InventoryHoursView hours = as("planner")
                .get()
                .uri("/api/v1/inventory/hours?date={date}&station={station}", held, STATION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryHoursView.class)
                .returnResult()
                .getResponseBody();
        assertThat(hours.source()).isEqualTo("book");
        assertThat(hours.province()).isEqualTo(PROVINCE);
        assertThat(hours.stations()).singleElement().satisfies(row -> {
            assertThat(row.station()).isEqualTo(STATION);
            assertThat(row.heldSeconds()).isEqualTo(hold);
            assertThat(row.day().contractedSeconds()).isEqualTo(sold);
            assertThat(row.hours())
                    .hasSize(24)
                    .allSatisfy(hour -> assertThat(hour)
                            .isEqualTo(InventoryHoursView.HourFill.of(
                                    hour.hour(), SCREENS * 3600, SCREENS * 30, SCREENS * 15, 0.8)));
        });
        InventoryHoursView today = as("planner")
                .get()
                .uri("/api/v1/inventory/hours?date={date}&province={province}", Bookings.today(), PROVINCE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryHoursView.class)
                .returnResult()
                .getResponseBody();
        assertThat(today.source()).as("a day of the published plan").isEqualTo("plan");
        assertThat(today.stations())
                .singleElement()
                .satisfies(row -> assertThat(row.heldSeconds()).isZero());
    }

    @Test
    void refusesMonthsAndDaysOutsideTheBookingHorizonNamingTheField() {
        refused("/api/v1/inventory?month=2027-13", "month");
        refused("/api/v1/inventory?month=" + YearMonth.from(Bookings.today()).plusYears(2), "month");
        refused("/api/v1/inventory?month=" + YearMonth.from(Bookings.today()).minusMonths(1), "month");
        refused("/api/v1/inventory?month=" + YearMonth.from(Bookings.today()) + "&date=" + Bookings.today(), "date");
        refused(
                "/api/v1/inventory/hours?station=" + STATION + "&date="
                        + Bookings.today().plusYears(2),
                "date");
        refused("/api/v1/inventory/hours?station=" + STATION + "&province=x&date=" + Bookings.today(), "station");
        refused(
                "/api/v1/inventory/hours?station=NOPE-1&date="
                        + Bookings.today().plusDays(40),
                "station");
        refused("/api/v1/inventory/hours?province=" + "省".repeat(65) + "&date=" + Bookings.today(), "province");
    }

    private void refused(String uri, String field) {
        as("operator")
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private static void post(WebTestClient client, String uri, Map<String, Object> campaign) {
        client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
