package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The periods reports take: read from text, refused naming the field at fault. */
class ReportPeriodTest {

    @Test
    void aYearOfDaysTouchesItsTwelveMonths() {
        ReportPeriod.Days year = ReportPeriod.days("2026-01-01", " 2026-12-31 ");

        assertThat(year.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(year.months()).hasSize(12).startsWith(YearMonth.of(2026, 1)).endsWith(YearMonth.of(2026, 12));
        assertThat(ReportPeriod.days("2026-02-10", "2026-02-10").months()).containsExactly(YearMonth.of(2026, 2));
    }

    @Test
    void daysAreRefusedNamingTheField() {
        assertRefused(() -> ReportPeriod.days(null, "2026-12-31"), "from", "from is required");
        assertRefused(() -> ReportPeriod.days("2026-01-01", " "), "to", "to is required");
        assertRefused(() -> ReportPeriod.days("2026-13-01", "2026-12-31"), "from", "'2026-13-01'");
        assertRefused(() -> ReportPeriod.days("2026-03-01", "2026-02-28"), "to", "must not be before");
    }

    @Test
    void daysReachAtMostTwoYears() {
        assertThat(ReportPeriod.days("2025-01-01", "2026-12-31").months()).hasSize(24);
        assertRefused(() -> ReportPeriod.days("2025-01-01", "2027-01-01"), "to", "at most 2 years");
    }

    @Test
    void instantsAreAHalfOpenPeriodOfAtMost31Days() {
        ReportPeriod.Instants week = ReportPeriod.instants("2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z");
        assertThat(week.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ReportPeriod.instants("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")
                        .to())
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));

        assertRefused(
                () -> ReportPeriod.instants("2026-12-01T00:00:00Z", "2027-01-01T00:00:01Z"), "to", "at most 31 days");
        assertRefused(() -> ReportPeriod.instants("2026-12-01", "2026-12-08T00:00:00Z"), "from", "an instant in UTC");
        assertRefused(
                () -> ReportPeriod.instants("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z"), "to", "must be after");
    }

    private static void assertRefused(Runnable read, String field, String message) {
        assertThatThrownBy(read::run)
                .isInstanceOfSatisfying(
                        ReportRefusal.BadQuery.class,
                        bad -> assertThat(bad.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }
}
