package io.railcast.server.report;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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
    void reportsAProvincesStationsHourByHourAsTheScreensPlansAddUp() {
        LocalDate tomorrow = Bookings.today().plusDays(1);
        String province = sql().queryForObject("select province from station where code = ?", String.class, station);
        InventoryView day = as("operator").get().uri("/api/v1/inventory?date={date}", tomorrow).exchange()
                .expectStatus().isOk().expectBody(InventoryView.class).returnResult().getResponseBody();
        InventoryHoursView hours = as("operator").get()
                .uri("/api/v1/inventory/hours?date={date}&province={province}", tomorrow, province).exchange()
                .expectStatus().isOk().expectBody(InventoryHoursView.class).returnResult().getResponseBody();
        assertThat(hours.version()).isEqualTo(day.version());
        assertThat(hours.stations()).extracting(InventoryHoursView.StationHours::station)
                .containsExactlyElementsOf(sql().queryForList("select distinct s.code from station s join screen sc"
                        + " on sc.station_code = s.code where s.province = ? order by s.code", String.class, province));
        for (InventoryHoursView.StationHours row : hours.stations()) {
            assertThat(row.hours()).hasSize(24);
            assertThat(row.day()).as("the hours of %s add up to its day", row.station())
                    .isEqualTo(day.stations().stream().filter(fill -> fill.station().equals(row.station()))
                            .findFirst().orElseThrow());
            assertThat(row.hours().get(3).fillPercent()).as("closed at 03:00").isNull();
        }

        // hour 12 at the booked station, summed over its screens' own plans
        Set<String> guaranteed = Set.copyOf(sql().queryForList("select id from campaign where kind = 'PUBLIC_SERVICE'"
                + " and body->>'frequency' is not null", String.class));
        long onAir = 0;
        long contracted = 0;
        for (String id : sql().queryForList("select id from screen where station_code = ?", String.class, station)) {
            ScreenPlanView plan = as("operator").get().uri("/api/v1/screens/{id}/plan?date={date}&hour=12", id,
                    tomorrow).exchange().expectStatus().isOk().expectBody(ScreenPlanView.class).returnResult()
                    .getResponseBody();
            onAir += plan.onAir().to() - plan.onAir().from();
            contracted += plan.spots().stream().filter(spot -> spot.kind().equals("COMMERCIAL")
                    || guaranteed.contains(spot.campaign())).mapToInt(ScreenPlanView.SpotView::duration).sum();
        }
        InventoryHoursView.HourFill noon = hours.stations().stream().filter(row -> row.station().equals(station))
                .findFirst().orElseThrow().hours().get(12);
        assertThat(noon.onAirSeconds()).isEqualTo(onAir);
        assertThat(noon.contractedSeconds()).isEqualTo(contracted).isGreaterThan(0);
        assertThat(noon.fillPercent()).isEqualTo(Math.round(1000.0 * contracted / onAir) / 10.0);
    }

    @Test
    void refusesAnHourlyInventoryQueryWithoutAKnownProvinceNamingTheField() {
        as("operator").get().uri("/api/v1/inventory/hours?date={date}", Bookings.today()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("province");
        as("operator").get().uri("/api/v1/inventory/hours?date={date}&province=火星", Bookings.today()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("province");
        String province = sql().queryForObject("select province from station where code = ?", String.class, station);
        as("operator").get().uri("/api/v1/inventory/hours?date={date}&province={province}",
                        Bookings.today().plusDays(9), province).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
    }

    @Test
    void reportsACampaignsDeliveryByStationAndDayAsJsonCsvAndXlsx() throws IOException {
        long screens = count("screen where station_code = '" + station + "'");
        // proof of play from the screen's agent: a full play and one cut short yesterday (local), and now one
        // within 0.5 s of its length and one the agent did not see end (0 ms)
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant yesterday = Bookings.today().minusDays(1).atTime(12, 0).atZone(zone).toInstant();
        Instant now = Instant.now().minusSeconds(60);
        WebTestClient agent = anonymous.mutate().defaultHeaders(headers -> headers.setBearerAuth(
                issueToken(screen))).build();
        agent.post().uri("/agent/v1/plays").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", List.of(play(yesterday, 15_000), play(yesterday.plusSeconds(20), 3_000),
                        play(now, 14_600), play(now.plusSeconds(20), 0))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accepted.length()").isEqualTo(4);
        Map<LocalDate, long[]> played = new TreeMap<>(); // full plays, all reported
        played.computeIfAbsent(LocalDate.ofInstant(yesterday, zone), d -> new long[2])[0]++;
        played.get(LocalDate.ofInstant(yesterday, zone))[1] += 2;
        played.computeIfAbsent(LocalDate.ofInstant(now, zone), d -> new long[2])[0]++;
        played.get(LocalDate.ofInstant(now, zone))[1] += 2;

        DeliveryView delivery = as("planner").get().uri("/api/v1/campaigns/REP-1/delivery").exchange()
                .expectStatus().isOk()
                .expectBody(DeliveryView.class).returnResult().getResponseBody();
        assertThat(delivery).isNotNull();
        assertThat(delivery.rows()).extracting(DeliveryView.Row::station).containsOnly(station);
        assertThat(delivery.rows()).extracting(DeliveryView.Row::date).containsExactly(
                Bookings.today().minusDays(1), Bookings.today(), Bookings.today().plusDays(1));
        DeliveryView.Row before = delivery.rows().get(0);
        assertThat(before.scheduledPlays()).as("not in the current version").isNull();
        assertThat(before.contractedPlays()).isNull();
        DeliveryView.Row tomorrow = delivery.rows().get(2);
        assertThat(tomorrow.scheduledPlays() % screens).isZero();
        assertThat(tomorrow.scheduledPlays()).isPositive();
        assertThat(tomorrow.contractedPlays()).isEqualTo(tomorrow.scheduledPlays());
        assertThat(tomorrow.scheduledSeconds()).isEqualTo(15 * tomorrow.scheduledPlays());
        for (DeliveryView.Row row : delivery.rows()) {
            long[] expected = played.getOrDefault(row.date(), new long[2]);
            assertThat(row.playedPlays()).as("played on %s", row.date()).isEqualTo(expected[0]);
            assertThat(row.reportedPlays()).as("reported on %s", row.date()).isEqualTo(expected[1]);
        }
        assertThat(delivery.totals().playedPlays()).isEqualTo(2);
        assertThat(delivery.totals().reportedPlays()).isEqualTo(4);
        assertThat(delivery.totals().scheduledPlays())
                .isEqualTo(delivery.rows().get(1).scheduledPlays() + tomorrow.scheduledPlays());

        String csv = as("planner").get().uri("/api/v1/campaigns/REP-1/delivery")
                .header(HttpHeaders.ACCEPT, "text/csv").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("station,date,contracted_plays,scheduled_plays,scheduled_seconds,"
                + "played_plays,reported_plays");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo(station + "," + Bookings.today().minusDays(1) + ",,,," + before.playedPlays()
                + "," + before.reportedPlays());
        assertThat(lines.get(3)).isEqualTo(station + "," + tomorrow.date() + "," + tomorrow.contractedPlays() + ","
                + tomorrow.scheduledPlays() + "," + tomorrow.scheduledSeconds() + "," + tomorrow.playedPlays() + ","
                + tomorrow.reportedPlays());

        byte[] xlsx = as("planner").get().uri("/api/v1/campaigns/REP-1/delivery?format=xlsx").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .isEqualTo("attachment; filename=\"delivery-REP-1-v" + delivery.version() + ".xlsx\""))
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Delivery");
            List<String> head = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> head.add(cell.getStringCellValue()));
            assertThat(String.join(",", head)).isEqualTo(lines.get(0));
            assertThat(sheet.getLastRowNum()).as("three days and the total").isEqualTo(4);
            for (int i = 0; i < 3; i++) {
                DeliveryView.Row row = delivery.rows().get(i);
                Row line = sheet.getRow(i + 1);
                assertThat(line.getCell(0).getStringCellValue()).isEqualTo(station);
                assertThat(line.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(row.date());
                assertThat(number(line.getCell(2))).isEqualTo(row.contractedPlays());
                assertThat(number(line.getCell(3))).isEqualTo(row.scheduledPlays());
                assertThat(number(line.getCell(4))).isEqualTo(row.scheduledSeconds());
                assertThat(number(line.getCell(5))).isEqualTo(row.playedPlays());
                assertThat(number(line.getCell(6))).isEqualTo(row.reportedPlays());
            }
            Row total = sheet.getRow(4);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("total");
            assertThat(number(total.getCell(3))).isEqualTo(delivery.totals().scheduledPlays());
            assertThat(number(total.getCell(5))).isEqualTo(2);
            assertThat(book.getSheet("About").getRow(1).getCell(1).getStringCellValue()).isEqualTo("测试 REP-1");
        }
        as("planner").get().uri("/api/v1/campaigns/REP-1/delivery")
                .header(HttpHeaders.ACCEPT, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).value(body -> assertThat(body).startsWith((byte) 'P', (byte) 'K'));

        as("planner").get().uri("/api/v1/campaigns/REP-1/delivery?format=pdf").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        as("planner").get().uri("/api/v1/campaigns/NO-SUCH/delivery").exchange().expectStatus().isNotFound();
    }

    private String issueToken(String screenId) {
        Map<String, Object> issued = admin().post().uri("/api/v1/screens/{id}/agent-token", screenId).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }

    private Map<String, Object> play(Instant startedAt, long durationMillis) {
        return Map.of("playId", UUID.randomUUID().toString(), "screenId", screen, "campaign", "REP-1",
                "creative", Bookings.CREATIVE, "startedAt", startedAt.toString(), "durationMillis", durationMillis,
                "scheduleVersion", 1);
    }

    private static @Nullable Long number(@Nullable Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? null : (long) cell.getNumericCellValue();
    }
}
