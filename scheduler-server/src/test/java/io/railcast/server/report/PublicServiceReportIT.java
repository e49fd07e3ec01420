package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.PublicServicePlays;
import io.railcast.server.ServerIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSR team's public-service report and a campaign's OPRS proof of play, over real HTTP, from plays a screen's
 * agent reported at a station of the test's own, in a province of its own (so no other test's figures mix in).
 */
class PublicServiceReportIT extends ServerIntegrationTest {

    private static final String PROVINCE = "测试省公益";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String screen;
    private PublicServicePlays plays;
    private LocalDate day;

    @BeforeEach
    void plays() {
        screen = allDayStation("PSR-ST", PROVINCE);
        plays = PublicServicePlays.stage(admin(), anonymous, sql(), "PSR", "PSR-ST", screen);
        day = LocalDate.ofInstant(plays.psaPlay().start(), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void reportsPsaVersionsAirtimeAndSharesFromTheStoredPlays() throws IOException {
        LocalDate from = day.withDayOfMonth(1);
        LocalDate to = day.with(TemporalAdjusters.lastDayOfMonth());
        String month = day.toString().substring(0, 7);
        JsonNode report = json(as("csr")
                .get()
                .uri("/api/v1/reports/public-service?from={from}&to={to}", from, to)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        JsonNode station = only(report.get("stations"), "station", "PSR-ST");
        assertThat(station.get("month").asString()).isEqualTo(month);
        assertThat(station.get("province").asString()).isEqualTo(PROVINCE);
        assertThat(station.get("aired").get("versions").asLong()).isEqualTo(1);
        assertThat(station.get("aired").get("plays").asLong()).isEqualTo(1);
        assertThat(station.get("aired").get("seconds").asLong()).isEqualTo(15);

        // one full PSA play against one full commercial play (the cut-short one is not airtime that counts)
        JsonNode province = only(report.get("provinces"), "province", PROVINCE);
        assertThat(province.get("aired").get("plays").asLong()).isEqualTo(1);
        assertThat(province.get("commercialSeconds").asLong()).isEqualTo(15);
        assertThat(province.get("share").asDouble()).isEqualTo(1.0);
        assertThat(province.get("floor").asDouble()).isEqualTo(0.03);
        assertThat(province.get("belowFloor").asBoolean()).isFalse();

        JsonNode version = only(report.get("versions"), "creative", plays.creative());
        assertThat(version.get("campaigns").get(0).asString()).isEqualTo(plays.psa());
        assertThat(version.get("stations").asLong()).isEqualTo(1);
        assertThat(report.get("totals").get("versions").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(only(report.get("months"), "month", month)
                        .get("aired")
                        .get("plays")
                        .asLong())
                .isGreaterThanOrEqualTo(1);

        JsonNode guaranteed = only(report.get("guaranteed"), "campaign", plays.psa());
        assertThat(guaranteed.get("playedPlays").asLong()).isEqualTo(1);
        assertThat(guaranteed.get("contractedPlays").asLong())
                .as("contracted once an hour over the planned days in the month")
                .isGreaterThanOrEqualTo(24);
        assertThat(guaranteed.get("owedPlays").asLong())
                .as("no past day counted by the make-good job")
                .isZero();
        assertThat(guaranteed.get("makeGoodPlays").asLong()).isZero();
        assertThat(report.get("guaranteed").findValuesAsString("campaign")).doesNotContain(plays.commercial());

        String csv = as("csr")
                .get()
                .uri("/api/v1/reports/public-service?from={from}&to={to}&format=csv&table=provinces", from, to)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(Objects.requireNonNull(csv).lines())
                .first()
                .isEqualTo("province,versions,plays,airtime_seconds,airtime_hours,commercial_seconds,psa_share,"
                        + "psa_floor,below_floor");
        assertThat(csv.lines()).contains(PROVINCE + ",1,1,15,0.0,15,1.0,0.03,no");

        byte[] xlsx = as("csr")
                .get()
                .uri("/api/v1/reports/public-service?from={from}&to={to}", from, to)
                .header(HttpHeaders.ACCEPT, ReportFormat.XLSX.mediaType().toString())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(Objects.requireNonNull(xlsx)))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("stations", "provinces", "versions", "months", "guaranteed", "About");
            assertThat(book.getSheet("stations").getLastRowNum())
                    .isEqualTo(report.get("stations").size());
        }
    }

    @Test
    void refusesABadPeriodNamingTheField() {
        refused("/api/v1/reports/public-service?to=2026-12-31", "from");
        refused("/api/v1/reports/public-service?from=2026-12-31&to=2026-01-01", "to");
        refused("/api/v1/reports/public-service?from=2024-01-01&to=2026-01-01", "to");
        refused("/api/v1/reports/public-service?from=2026-01-01&to=2026-12-31&format=pdf", "format");
        refused("/api/v1/reports/public-service?from=2026-01-01&to=2026-12-31&format=csv&table=x", "table");
        refused("/api/v1/campaigns/PSR-C1/proof-of-play?from=2026-12-01T00:00:00Z&to=2027-01-02T00:00:00Z", "to");
        refused("/api/v1/campaigns/PSR-C1/proof-of-play?from=yesterday&to=2026-12-02T00:00:00Z", "from");
        as("planner")
                .get()
                .uri("/api/v1/campaigns/NO-SUCH/proof-of-play?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void exportsACampaignsPlaysAsOprsSpots() {
        Instant hour = plays.fullPlay().start().truncatedTo(ChronoUnit.HOURS);
        JsonNode oprs = json(as("planner")
                .get()
                .uri(
                        "/api/v1/campaigns/{id}/proof-of-play?from={from}&to={to}",
                        plays.commercial(),
                        hour,
                        hour.plusSeconds(3600))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value ->
                                assertThat(value).startsWith("attachment; filename=\"Integration-tests_PSR-C1_PSR-C1_"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        JsonNode report = oprs.get("Report").get(0);
        assertThat(report.get("OrderId").asString()).isEqualTo(plays.commercial());
        assertThat(report.get("AccountId").asString()).isEqualTo("Integration tests");
        JsonNode stats = report.get("Stats");
        assertThat(stats).hasSize(2);
        assertThat(stats.get(0).get("StartTime").asString())
                .isEqualTo(PlayoutReport.UTC.format(plays.fullPlay().start()));
        assertThat(stats.get(0).get("EndTime").asString())
                .isEqualTo(PlayoutReport.UTC.format(plays.fullPlay().start().plusSeconds(15)));
        assertThat(stats.get(1).get("EndTime").asString())
                .as("cut short: the end shows how long it ran")
                .isEqualTo(PlayoutReport.UTC.format(plays.shortPlay().start().plusSeconds(3)));
        assertThat(stats.findValuesAsString("FrameId")).containsOnly(screen);
        assertThat(stats.findValuesAsString("CreativeID"))
                .containsOnly(plays.fullPlay().creative());
        assertThat(oprs.get("ReportStartTime").asString())
                .isEqualTo(stats.get(0).get("StartTime").asString());
    }

    @Test
    void streamsPagesOfPlaysWithoutLosingOrRepeatingOneAtTheirEdges() {
        // 4,500 plays of tomorrow (UTC, whose partition the agent's first batch made) in threes that start at the
        // same instant, so that both page edges (2,000 and 4,000) fall inside such a three
        Instant first = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(1, ChronoUnit.DAYS)
                .plusSeconds(3600);
        int n = 2 * StoredPlays.PAGE + 500;
        if (count("play_record where campaign_id = 'PSR-C1' and started_at >= '" + first + "'") == 0) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new Object[] {
                    UUID.randomUUID(), java.sql.Timestamp.from(first.plusSeconds(i / 3)), "PSR-BULK-" + (i % 3)
                });
            }
            sql().batchUpdate(
                            "insert into play_record (play_id, started_at, screen_id, campaign_id, creative_id,"
                                    + " duration_millis) values (?, ?, ?, 'PSR-C1', 'IT-ALL-15', 15000)",
                            rows);
        }
        JsonNode stats = json(as("planner")
                        .get()
                        .uri(
                                "/api/v1/campaigns/PSR-C1/proof-of-play?from={from}&to={to}",
                                first,
                                first.plus(1, ChronoUnit.DAYS))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("Report")
                .get(0)
                .get("Stats");

        assertThat(stats).hasSize(n);
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (JsonNode play : stats) {
            String start = play.get("StartTime").asString();
            assertThat(start).isGreaterThanOrEqualTo(previous);
            assertThat(seen.add(start + play.get("FrameId").asString())).isTrue();
            previous = start;
        }
        assertThat(stats.get(n - 1).get("StartTime").asString())
                .isEqualTo(PlayoutReport.UTC.format(first.plusSeconds((n - 1) / 3)));
    }

    private void refused(String uri, String field) {
        as("csr")
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private static JsonNode json(String body) {
        return JSON.readTree(Objects.requireNonNull(body));
    }

    /** The one element of {@code array} whose {@code field} is {@code value}. */
    private static JsonNode only(JsonNode array, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(node -> {
            if (node.get(field).asString().equals(value)) {
                found.add(node);
            }
        });
        assertThat(found).as("%s = %s in %s", field, value, array).hasSize(1);
        return found.get(0);
    }
}
