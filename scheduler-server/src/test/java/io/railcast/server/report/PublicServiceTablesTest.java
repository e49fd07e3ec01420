package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public-service report's figures as tables and CSV, and a province's share against its floor. */
class PublicServiceTablesTest {

    @Test
    void aProvincesShareIsPsaAirtimeAgainstCommercialAirtime() {
        PublicServiceView.Aired aired = PublicServiceView.Aired.of(2, 10, 150_000);

        PublicServiceView.Province below = PublicServiceView.Province.of("北京", aired, 150_000, 10_000_000, 0.03);
        assertThat(below.share()).isEqualTo(0.015);
        assertThat(below.belowFloor()).isTrue();
        assertThat(below.commercialSeconds()).isEqualTo(10_000);

        PublicServiceView.Province above = PublicServiceView.Province.of("上海", aired, 150_000, 1_000_000, 0.03);
        assertThat(above.share()).isEqualTo(0.15);
        assertThat(above.belowFloor()).isFalse();

        PublicServiceView.Province none = PublicServiceView.Province.of("西藏", aired, 150_000, 0, 0.03);
        assertThat(none.share()).isNull();
        assertThat(none.belowFloor()).isFalse();
    }

    @Test
    void airtimeIsCountedInSecondsAndHours() {
        PublicServiceView.Aired aired = PublicServiceView.Aired.of(75, 1_560_000, 23_400_000_000L);

        assertThat(aired.seconds()).isEqualTo(23_400_000);
        assertThat(aired.hours()).isEqualTo(6_500.0);
        assertThat(PublicServiceView.Aired.of(1, 1, 14_600).hours()).isEqualTo(0.0);
        assertThat(PublicServiceView.Aired.of(1, 1, 14_600).seconds()).isEqualTo(15);
    }

    @Test
    void everyTableIsWrittenAsCsvWithItsRowsInOrder() {
        PublicServiceView.Aired aired = PublicServiceView.Aired.of(1, 4, 60_000);
        PublicServiceView view = new PublicServiceView(
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "note",
                aired,
                List.of(new PublicServiceView.Version("PSA-1", List.of("P-1", "P-2"), 2, aired)),
                List.of(new PublicServiceView.Month("2026-03", aired)),
                List.of(PublicServiceView.Province.of("北京", aired, 60_000, 600_000, 0.03)),
                List.of(new PublicServiceView.Station("2026-03", "北京", "BJP", "北京南, \"东\"", aired)),
                List.of(new PublicServiceView.Guaranteed("P-1", "节水", 30, 28, 1, 2, 0)));

        assertThat(PublicServiceTables.of(view))
                .extracting(ReportTable::name)
                .containsExactlyElementsOf(PublicServiceTables.NAMES);
        assertThat(csv(view, "stations"))
                .isEqualTo("month,province,station,name,versions,plays,airtime_seconds,airtime_hours\n"
                        + "2026-03,北京,BJP,\"北京南, \"\"东\"\"\",1,4,60,0.02\n");
        assertThat(csv(view, " Provinces"))
                .isEqualTo("province,versions,plays,airtime_seconds,airtime_hours,commercial_seconds,psa_share,"
                        + "psa_floor,below_floor\n北京,1,4,60,0.02,600,0.1,0.03,no\n");
        assertThat(csv(view, "versions")).endsWith("PSA-1,P-1 P-2,1,4,60,0.02,2\n");
        assertThat(csv(view, "guaranteed"))
                .isEqualTo("campaign,name,contracted_plays,played_plays,make_good_plays,owed_plays,unplanned_days\n"
                        + "P-1,节水,30,28,1,2,0\n");
        assertThat(PublicServiceTables.named(view, "screens")).isEmpty();
    }

    @Test
    void aRowMustFitItsColumns() {
        assertThatThrownBy(() -> new ReportTable("t", List.of("a", "b"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String csv(PublicServiceView view, String table) {
        return new String(PublicServiceTables.named(view, table).orElseThrow().csv(), StandardCharsets.UTF_8);
    }
}
