package io.railcast.server.report;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ScheduledSpots;
import io.railcast.server.ServerIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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

/**
 * A campaign's delivery report (JSON, CSV, XLSX): contracted and scheduled plays of the current version, and the plays
 * the screens reported, counted only where a version scheduled them (a play of no scheduled spot, or of a slot played
 * already, is kept but never counted).
 */
class DeliveryReportIT extends ServerIntegrationTest {

    @BeforeEach
    void creative() {
        Bookings.ensureCreative(admin(), sql());
    }

    @Test
    void reportsACampaignsDeliveryByStationAndDayAsJsonCsvAndXlsx() throws IOException {
        // a station open all day, so that its screen has spots of the campaign around now whatever the hour
        String station = "REP-D";
        String screen = allDayStation(station);
        if (count("campaign where id = 'REP-2'") == 0) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial("REP-2", station, "6/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        // proof of play from the screen's agent, of the four spots of REP-2 nearest to now (none more than the
        // protocol's hour ahead): a full play, one cut short, one within 0.5 s of its length and one the agent did
        // not see end (0 ms); and two of yesterday, which no version scheduled: kept, never counted
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.now();
        List<ScheduledSpots.Spot> spots = new ArrayList<>(ScheduledSpots.of(
                sql(), screen, "REP-2", now.minus(Duration.ofHours(3)), now.plus(Duration.ofMinutes(55))));
        spots.sort(
                Comparator.comparing(spot -> Duration.between(spot.start(), now).abs()));
        assertThat(spots).as("REP-2's spots around %s", now).hasSizeGreaterThanOrEqualTo(4);
        long[] durations = {15_000, 3_000, 14_600, 0};
        List<Map<String, Object>> plays = new ArrayList<>();
        Map<LocalDate, long[]> played = new TreeMap<>(); // full plays, all reported
        for (int i = 0; i < durations.length; i++) {
            plays.add(spots.get(i).play(screen, durations[i]));
            long[] day = played.computeIfAbsent(LocalDate.ofInstant(spots.get(i).start(), zone), d -> new long[2]);
            day[0] += durations[i] >= 14_500 ? 1 : 0;
            day[1]++;
        }
        Instant yesterday =
                Bookings.today().minusDays(1).atTime(12, 0).atZone(zone).toInstant();
        for (int i = 0; i < 2; i++) {
            plays.add(new ScheduledSpots.Spot(
                            spots.get(0).version(),
                            yesterday.plusSeconds(20 * i),
                            15,
                            "REP-2",
                            spots.get(0).creative())
                    .play(screen, 15_000));
        }
        WebTestClient agent = anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(issueToken(screen)))
                .build();
        agent.post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", plays))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted.length()")
                .isEqualTo(4)
                .jsonPath("$.rejected[*].stored")
                .isEqualTo(List.of(true, true));
        // a thousand more plays of the first spot: one slot, played once already
        List<Map<String, Object>> again = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            again.add(spots.get(0).play(screen, 15_000));
        }
        agent.post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", again))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted.length()")
                .isEqualTo(0);

        DeliveryView delivery = as("planner")
                .get()
                .uri("/api/v1/campaigns/REP-2/delivery")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(DeliveryView.class)
                .returnResult()
                .getResponseBody();
        assertThat(delivery).isNotNull();
        assertThat(delivery.rows()).extracting(DeliveryView.Row::station).containsOnly(station);
        assertThat(delivery.rows())
                .extracting(DeliveryView.Row::date)
                .contains(Bookings.today(), Bookings.today().plusDays(1))
                .doesNotContain(Bookings.today().minusDays(1));
        for (DeliveryView.Row row : delivery.rows()) {
            long[] expected = played.getOrDefault(row.date(), new long[2]);
            assertThat(row.playedPlays()).as("played on %s", row.date()).isEqualTo(expected[0]);
            assertThat(row.reportedPlays()).as("reported on %s", row.date()).isEqualTo(expected[1]);
            assertThat(row.scheduledPlays()).as("scheduled on %s", row.date()).isPositive();
            assertThat(row.contractedPlays()).isEqualTo(row.scheduledPlays());
            assertThat(row.scheduledSeconds()).isEqualTo(15 * row.scheduledPlays());
        }
        assertThat(delivery.totals().playedPlays()).isEqualTo(2);
        assertThat(delivery.totals().reportedPlays()).isEqualTo(4);
        assertThat(delivery.totals().scheduledPlays())
                .isEqualTo(delivery.rows().stream()
                        .mapToLong(DeliveryView.Row::scheduledPlays)
                        .sum());

        String csv = as("planner")
                .get()
                .uri("/api/v1/campaigns/REP-2/delivery")
                .header(HttpHeaders.ACCEPT, "text/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<String> lines = Objects.requireNonNull(csv).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("station,date,contracted_plays,scheduled_plays,scheduled_seconds,"
                        + "played_plays,reported_plays,lost_plays,owed_plays,owed_shortfall_plays,owed_takeover_plays,"
                        + "owed_not_played_plays,make_good_plays");
        assertThat(lines).hasSize(delivery.rows().size() + 1);
        for (int i = 0; i < delivery.rows().size(); i++) {
            DeliveryView.Row row = delivery.rows().get(i);
            assertThat(lines.get(i + 1))
                    .isEqualTo(station + "," + row.date() + "," + row.contractedPlays() + ","
                            + row.scheduledPlays() + "," + row.scheduledSeconds() + "," + row.playedPlays() + ","
                            + row.reportedPlays() + ",0,,,,,0");
        }

        byte[] xlsx = as("planner")
                .get()
                .uri("/api/v1/campaigns/REP-2/delivery?format=xlsx")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value -> assertThat(value)
                                .isEqualTo("attachment; filename=\"delivery-REP-2-v" + delivery.version() + ".xlsx\""))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(Objects.requireNonNull(xlsx)))) {
            Sheet sheet = book.getSheet("Delivery");
            List<String> head = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> head.add(cell.getStringCellValue()));
            assertThat(String.join(",", head)).isEqualTo(lines.get(0));
            assertThat(sheet.getLastRowNum())
                    .as("the days and the total")
                    .isEqualTo(delivery.rows().size() + 1);
            for (int i = 0; i < delivery.rows().size(); i++) {
                DeliveryView.Row row = delivery.rows().get(i);
                Row line = sheet.getRow(i + 1);
                assertThat(line.getCell(0).getStringCellValue()).isEqualTo(station);
                assertThat(line.getCell(1).getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(row.date());
                assertThat(number(line.getCell(2))).isEqualTo(row.contractedPlays());
                assertThat(number(line.getCell(3))).isEqualTo(row.scheduledPlays());
                assertThat(number(line.getCell(4))).isEqualTo(row.scheduledSeconds());
                assertThat(number(line.getCell(5))).isEqualTo(row.playedPlays());
                assertThat(number(line.getCell(6))).isEqualTo(row.reportedPlays());
            }
            Row total = sheet.getRow(delivery.rows().size() + 1);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("total");
            assertThat(number(total.getCell(3))).isEqualTo(delivery.totals().scheduledPlays());
            assertThat(number(total.getCell(5))).isEqualTo(2);
            assertThat(book.getSheet("About").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("测试 REP-2");
        }

        as("planner")
                .get()
                .uri("/api/v1/campaigns/REP-2/delivery?format=pdf")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("format");
        as("planner")
                .get()
                .uri("/api/v1/campaigns/NO-SUCH/delivery")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String issueToken(String screenId) {
        Map<String, Object> issued = admin().post()
                .uri("/api/v1/screens/{id}/agent-token", screenId)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }

    private static @Nullable Long number(@Nullable Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? null : (long) cell.getNumericCellValue();
    }
}
