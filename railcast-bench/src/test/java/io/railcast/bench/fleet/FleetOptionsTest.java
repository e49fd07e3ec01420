package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
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
        FleetOptions options = FleetOptions.parse(
                "--server", "http://x", "--admin-password", "a", "--planner-password", "p", "--change-hours", "2");
        assertThat(options.changeHours()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> flight =
                (java.util.Map<String, String>) FleetBenchmark.campaign("C-1", "CR-1", "广东", options.changeHours())
                        .get("flight");
        assertThat(java.time.Duration.between(
                        java.time.LocalDateTime.parse(flight.get("start")),
                        java.time.LocalDateTime.parse(flight.get("end"))))
                .isEqualTo(Duration.ofHours(2));
        assertThat(java.time.LocalDateTime.parse(flight.get("start")).getMinute())
                .isZero();
        assertThatThrownBy(() -> FleetOptions.parse(
                        "--server",
                        "http://x",
                        "--admin-password",
                        "a",
                        "--planner-password",
                        "p",
                        "--change-hours",
                        "-1"))
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
                .containsEntry("target", java.util.Map.of("network", true))
                .doesNotContainKey("creative");
    }

    @Test
    void refusesAnUnknownOptionAndAMissingPassword() {
        assertThatThrownBy(() -> FleetOptions.parse(
                        "--server", "http://x", "--admin-password", "a", "--planner-password", "p", "--agnets", "5"))
                .hasMessageContaining("agnets");
        assertThatThrownBy(() -> FleetOptions.parse("--server", "http://x", "--admin-password", "a"))
                .hasMessageContaining("--planner-password");
        assertThatThrownBy(() -> FleetOptions.parse(
                        "--server",
                        "http://x",
                        "--admin-password",
                        "a",
                        "--planner-password",
                        "p",
                        "--repeat-share",
                        "2"))
                .hasMessageContaining("repeat-share");
    }

    @Test
    void spreadsAFleetSmallerThanTheNetworkOverIt() {
        List<String> screens = List.of("a", "b", "c", "d", "e", "f");
        assertThat(FleetBenchmark.spread(screens, 3)).containsExactly("a", "c", "e");
        assertThat(FleetBenchmark.spread(screens, 0)).isEqualTo(screens);
        assertThat(FleetBenchmark.spread(screens, 10)).isEqualTo(screens);
    }
}
