package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanningPropertiesTest {

    @Test
    void plansTodayAndEnoughDaysAfterThatNowPlusTheHorizonLiesInside() {
        assertThat(properties(72).days()).as("72 h: today + 3 days").isEqualTo(4);
        assertThat(properties(24).days()).isEqualTo(2);
        assertThat(properties(25).days()).isEqualTo(3);
        assertThat(properties(1).days()).isEqualTo(2);
    }

    @Test
    void refusesAHorizonOfNothingOrOfMoreThanAMonth() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(0));
        assertThatIllegalArgumentException().isThrownBy(() -> properties(24 * 31));
    }

    private static PlanningProperties properties(int hours) {
        return new PlanningProperties(hours, ZoneId.of("Asia/Shanghai"), 0, "0 5 0 * * ?", 300, 1, 0.03, Map.of());
    }
}
