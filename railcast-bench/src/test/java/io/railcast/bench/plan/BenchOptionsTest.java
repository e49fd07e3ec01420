package io.railcast.bench.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void plansTheWholeNetworkForAWeekFromNextMondayByDefault() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.stations()).isEqualTo(500);
        assertThat(options.screens()).isEqualTo(5_600);
        assertThat(options.campaigns()).isEqualTo(300);
        assertThat(options.days()).isEqualTo(7);
        assertThat(options.firstDay().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(options.firstDay()).isAfter(LocalDate.now());
        assertThat(options.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(options.planOnly()).isFalse();
        assertThat(options.noAudit()).isFalse();
    }

    @Test
    void readsEveryFlag() {
        BenchOptions options = BenchOptions.parse(new String[] {
            "--seed",
            "7",
            "--stations",
            "28",
            "--screens",
            "60",
            "--campaigns",
            "20",
            "--days",
            "2",
            "--first-day",
            "2026-12-07",
            "--threads",
            "1",
            "--plan-only",
            "--no-audit"
        });

        assertThat(options).isEqualTo(new BenchOptions(7, 28, 60, 20, 2, LocalDate.parse("2026-12-07"), 1, true, true));
    }

    @Test
    void answersHelpWithNoOptions() {
        assertThat(BenchOptions.parse(new String[] {"--help"})).isNull();
        assertThat(BenchOptions.parse(new String[] {"--days", "3", "-h"})).isNull();
    }

    @Test
    void refusesAnUnknownFlagAndAMissingValueWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--stattions", "5"}))
                .hasMessageContaining("--stattions")
                .hasMessageContaining("usage: scripts/bench-plan");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--days"}))
                .hasMessageContaining("--days")
                .hasMessageContaining("usage: scripts/bench-plan");
    }
}
