package io.railcast.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleCurveTest {

    @Test
    void readsNumberAndBooleanFieldsOfTheBenchmarksJson() {
        String json = "{\"stations\":500,\"screens\":5600,\"replanCampaign\":\"c-1\",\"auditFeasible\":true}";

        assertThat(ScaleCurve.field(json, "screens")).isEqualTo("5600");
        assertThat(ScaleCurve.field(json, "auditFeasible")).isEqualTo("true");
        assertThat(ScaleCurve.field(json, "planMillis")).isNull();
    }

    @Test
    void runsTheIssuesFourSizesWithinTheGeneratorsStations() {
        assertThat(ScaleCurve.SIZES)
                .extracting(ScaleCurve.Size::screens)
                .containsExactly(5_600, 10_000, 20_000, 50_000);
        assertThat(ScaleCurve.SIZES)
                .allSatisfy(size -> assertThat(size.stations()).isLessThanOrEqualTo(1_677));
    }
}
