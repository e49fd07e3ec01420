package io.railcast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScreenPlannerTest {

    @Test
    void scalesWantedCountsToTheExactTotal() {
        int[] counts = ScreenPlanner.scale(new int[] {40, 15, 6, 6, 6}, 100);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(100);
        assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[2]);
    }

    @Test
    void keepsOneScreenInEveryStationWhenScreensAreScarce() {
        assertThat(ScreenPlanner.scale(new int[] {40, 15, 6}, 3)).containsExactly(1, 1, 1);
        assertThat(ScreenPlanner.scale(new int[] {1, 1, 1}, 5)).containsExactly(2, 2, 1);
    }

    @Test
    void refusesFewerScreensThanStations() {
        assertThatThrownBy(() -> ScreenPlanner.scale(new int[] {5, 5}, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
