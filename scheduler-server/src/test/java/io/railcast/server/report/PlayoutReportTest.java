package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OPRS v2.0 spot-level document written in pieces: one valid JSON document whatever the pages. */
class PlayoutReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void pagesOfPlaysMakeOneDocumentWithTheFirstStartAndTheLastEnd() {
        PlayoutReport report = report("Acme \"Rail\"\n");
        Instant first = Instant.parse("2026-12-01T01:00:00.123456Z");
        byte[] document = join(
                report.head(),
                report.stats(List.of(
                        new PlayoutReport.Play(first, 15_000, "SCR-1", "CR\\1", 15),
                        new PlayoutReport.Play(first.plusSeconds(60), 3_000, "SCR-2", "CR-1", 15))),
                report.stats(List.of()),
                report.stats(List.of(new PlayoutReport.Play(first.plusSeconds(120), 15_000, "SCR-1", "CR-1", 15))),
                report.tail());

        JsonNode root = JSON.readTree(new String(document, StandardCharsets.UTF_8));
        assertThat(root.get("$schema").asString()).isEqualTo(PlayoutReport.SCHEMA);
        assertThat(root.get("ReportPublishTime").asString()).isEqualTo("2026-12-03T08:00:00.000Z");
        assertThat(root.get("ReportStartTime").asString()).isEqualTo("2026-12-01T01:00:00.123Z");
        assertThat(root.get("ReportEndTime").asString()).isEqualTo("2026-12-01T01:02:15.123Z");
        JsonNode line = root.get("Report").get(0);
        assertThat(line.get("AccountId").asString()).isEqualTo("Acme \"Rail\"\n");
        assertThat(line.get("OrderId").asString()).isEqualTo("C-7");
        assertThat(line.get("LineId").asString()).isEqualTo("C-7");
        assertThat(line.get("OOHProviderData").get("CampaignName").asString()).isEqualTo("测试");
        JsonNode stats = line.get("Stats");
        assertThat(stats).hasSize(3);
        assertThat(stats.get(0).get("CreativeID").asString()).isEqualTo("CR\\1");
        assertThat(stats.get(1).get("FrameId").asString()).isEqualTo("SCR-2");
        assertThat(stats.get(1).get("EndTime").asString()).isEqualTo("2026-12-01T01:01:03.123Z");
        assertThat(stats.get(1).get("SpotLength").asInt()).isEqualTo(15);
    }

    @Test
    void aReportWithoutPlaysNamesThePeriodAskedFor() {
        PlayoutReport report = report("");
        JsonNode root = JSON.readTree(new String(join(report.head(), report.tail()), StandardCharsets.UTF_8));

        assertThat(root.get("Report").get(0).get("Stats")).isEmpty();
        assertThat(root.get("ReportStartTime").asString()).isEqualTo("2026-12-01T00:00:00.000Z");
        assertThat(root.get("ReportEndTime").asString()).isEqualTo("2026-12-02T00:00:00.000Z");
        assertThat(report.fileName())
                .isEqualTo("railcast_C-7_C-7_2026-12-01T000000Z_2026-12-02T000000Z_2026-12-03T080000Z.json");
        assertThat(report("Acme \"Rail\"/西").fileName()).startsWith("Acme--Rail---_C-7_");
    }

    private static PlayoutReport report(String owner) {
        return new PlayoutReport("C-7", "测试", owner, Instant.parse("2026-12-03T08:00:00Z"), FROM, TO);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
