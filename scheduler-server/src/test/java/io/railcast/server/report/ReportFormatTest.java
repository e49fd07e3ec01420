package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How every report reads the form asked for, and writes its CSV: one way for the delivery and public-service reports. */
class ReportFormatTest {

    @Test
    void takesTheFormatParameterFirstThenAcceptThenJson() {
        assertThat(ReportFormat.of(" CSV ", "application/json")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of("xlsx", null)).isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormat.of("json", "text/csv")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.of(null, "text/csv, */*;q=0.1")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of(" ", ReportFormat.XLSX.mediaType().toString()))
                .isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormat.of(null, null)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.CSV.mediaType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAnyOtherFormatNamingTheField() {
        assertThatThrownBy(() -> ReportFormat.of("pdf", null))
                .isInstanceOfSatisfying(
                        ReportRefusal.BadQuery.class,
                        bad -> assertThat(bad.field()).isEqualTo("format"))
                .hasMessage("format must be json, csv or xlsx, got 'pdf'");
    }

    @Test
    void writesTheDeliveryCsvAsEveryReportTableQuotingWhatNeedsIt() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        DeliveryView view = new DeliveryView(
                "C-1",
                "测试",
                7,
                day,
                2,
                "note",
                List.of(
                        new DeliveryView.Row(
                                "A,\"B\"", day, 10L, 8L, 120L, 6, 7, 1, 2, new DeliveryView.Owed(4, 2, 1, 1)),
                        new DeliveryView.Row("北京南", day.plusDays(1), null, null, null, 0, 0, 0, 0, null)),
                new DeliveryView.Totals(10, 8, 120, 6, 7, 1, 2, 4, 2, 1, 1));

        assertThat(new String(DeliveryFiles.csv(view), StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", DeliveryFiles.COLUMNS) + "\n"
                        + "\"A,\"\"B\"\"\",2026-12-01,10,8,120,6,7,1,4,2,1,1,2\n"
                        + "北京南,2026-12-02,,,,0,0,0,,,,,0\n");
    }
}
