package io.railcast.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/** Asserts that a report counts exactly the faults a test expects, and nothing else. */
final class AuditAssertions {

    private AuditAssertions() {}

    static Map<String, Long> faultCounts(AuditReport report) {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("overlaps", report.overlaps());
        counts.put("windowFaults", report.windowFaults());
        counts.put("contractedPlaysMissing", report.contractedPlaysMissing());
        counts.put("separationFaults", report.separationFaults());
        counts.put("creativeFaults", report.creativeFaults());
        counts.put("deadAirSeconds", report.deadAirSeconds());
        counts.put("unknownScreens", report.unknownScreens());
        counts.put("psaShareFaults", report.psaShareFaults());
        return counts;
    }

    /** @param expected figure name, count, figure name, count … ; every other figure must be zero */
    static void assertFaults(AuditReport report, Object... expected) {
        Map<String, Long> counts = faultCounts(report);
        counts.replaceAll((figure, count) -> 0L);
        for (int i = 0; i < expected.length; i += 2) {
            counts.put((String) expected[i], ((Number) expected[i + 1]).longValue());
        }
        assertThat(faultCounts(report))
                .as("fault counts; faults: %s", report.faults())
                .isEqualTo(counts);
    }

    static void assertClean(AuditReport report) {
        assertFaults(report);
        assertThat(report.faults()).isEmpty();
        assertThat(report.isFeasible()).isTrue();
        assertThat(report.maxCumulativeDeviation()).isLessThanOrEqualTo(1.0);
    }
}
