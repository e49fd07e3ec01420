package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOptionsTest {

    @Test
    void needsOnlyTheServerAndThePasswords() {
        FleetOptions options = FleetOptions.parse(
                "--server",
                "http://127.0.0.1:18180",
                "--admin-password",
                "a",
                "--planner-password",
                "p",
                "--agents",
                "5600");
        assertThat(options.agents()).isEqualTo(5600);
        assertThat(options.admin()).isEqualTo(new AdminApi.User("admin", "a"));
        assertThat(options.planner()).isEqualTo(new AdminApi.User("planner", "p"));
        assertThat(options.playsEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.repeatShare()).isEqualTo(0.05);
        assertThat(options.province()).isNull();
        assertThat(options.takeover()).isNull();
        assertThat(options.changeHours()).isZero();
    }

    @Test
    void booksASmallChangeOfTheHoursFromTheCurrentOne() {
        FleetOptions options = FleetOptions.parse(withPasswords("--change-hours", "2"));
        assertThat(options.changeHours()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Map<String, String> flight =
                (Map<String, String>) FleetBenchmark.campaign("C-1", "CR-1", "广东", options.changeHours())
                        .get("flight");
        LocalDateTime start = LocalDateTime.parse(flight.get("start"));
        assertThat(Duration.between(start, LocalDateTime.parse(flight.get("end"))))
                .isEqualTo(Duration.ofHours(2));
        assertThat(start.getMinute()).isZero();
        assertThatThrownBy(() -> FleetOptions.parse(withPasswords("--change-hours", "-1")))
                .hasMessageContaining("change-hours");
    }

    @Test
    void takesOverAsTheDemoOperatorWithANoticeByDefault() {
        FleetOptions options = FleetOptions.parse(
                "--server", "http://127.0.0.1:18180", "--admin-password", "a", "--planner-password", "p", "--takeover");
        assertThat(options.takeover())
                .isEqualTo(new FleetOptions.TakeoverMode(
                        new AdminApi.User("operator", "p"), null, Duration.ofSeconds(10)));
        assertThat(TakeoverMeasurement.request(options.takeover()))
                .containsEntry("notice", TakeoverMeasurement.NOTICE)
                .containsEntry("target", Map.of("network", true))
                .doesNotContainKey("creative");
    }

    @Test
    void refusesAnUnknownOptionAndAMissingPassword() {
        assertThatThrownBy(() -> FleetOptions.parse(withPasswords("--agnets", "5")))
                .hasMessageContaining("agnets");
        assertThatThrownBy(() -> FleetOptions.parse("--server", "http://x", "--admin-password", "a"))
                .hasMessageContaining("--planner-password");
        assertThatThrownBy(() -> FleetOptions.parse(withPasswords("--repeat-share", "2")))
                .hasMessageContaining("repeat-share");
    }

    @Test
    void spreadsAFleetSmallerThanTheNetworkOverIt() {
        List<String> screens = List.of("a", "b", "c", "d", "e", "f");
        assertThat(FleetBenchmark.spread(screens, 3)).containsExactly("a", "c", "e");
        assertThat(FleetBenchmark.spread(screens, 0)).isEqualTo(screens);
        assertThat(FleetBenchmark.spread(screens, 10)).isEqualTo(screens);
    }

    /** The options every run needs (a server and both passwords), then {@code more}. */
    private static String[] withPasswords(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("--server", "http://x", "--admin-password", "a", "--planner-password", "p"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
