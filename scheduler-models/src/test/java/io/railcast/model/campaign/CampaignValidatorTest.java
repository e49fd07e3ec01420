package io.railcast.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignValidatorTest {

    private static final Network NETWORK = new Network(
            List.of(new Station("BJN", "北京南站", "北京", "北京局", Tier.HUB, Station.CHINA, DailyHours.parse("05:30-00:30"))),
            List.of(new Screen("BJN-1", "BJN", ScreenType.LCD_FRAME, "waiting-hall", LoopPolicy.STANDARD)));
    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 0, 0);

    private static Campaign campaign(int seconds, Targeting targeting, Frequency frequency) {
        Creative creative = new Creative("c", seconds, Set.of(ScreenType.LCD_FRAME), "media/c.mp4", "0".repeat(64), 1);
        return new Campaign(
                "x",
                "x",
                CampaignKind.COMMERCIAL,
                "advertiser",
                "",
                List.of(new WeightedCreative(creative, 1)),
                targeting,
                new FlightWindow(START, START.plusDays(7)),
                DailyHours.ALL_DAY,
                Optional.of(frequency),
                0,
                0);
    }

    private static List<ValidationProblem> problems(Campaign campaign) {
        return new CampaignValidator(NETWORK).problems(campaign);
    }

    @Test
    void acceptsABookingThatFits() {
        assertThat(problems(campaign(15, Targeting.NETWORK, Frequency.perHour(12))))
                .isEmpty();
    }

    @Test
    void refusesAFlightThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new FlightWindow(START, START.minusMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it starts");
    }

    @Test
    void refusesAFrequencyThatCannotFitInItsPeriod() {
        assertThat(problems(campaign(30, Targeting.NETWORK, Frequency.perMinutes(11, 5))))
                .extracting(ValidationProblem::field)
                .containsExactly("frequency");
    }

    @Test
    void refusesAPeriodThatDoesNotDivideAnHour() {
        assertThatThrownBy(() -> Frequency.perMinutes(1, 7)).hasMessageContaining("must divide an hour");
    }

    @Test
    void refusesADurationThatIsNotAWholeNumberOfSlots() {
        assertThat(problems(campaign(12, Targeting.NETWORK, Frequency.perHour(1))))
                .extracting(ValidationProblem::field)
                .containsExactly("creatives");
    }

    @Test
    void refusesUnknownTargeting() {
        assertThat(problems(campaign(15, Targeting.stations("NOPE"), Frequency.perHour(1))))
                .containsExactly(new ValidationProblem("targeting.stations", "unknown station [NOPE]"));
        assertThat(problems(campaign(15, Targeting.provinces("火星"), Frequency.perHour(1))))
                .extracting(ValidationProblem::field)
                .containsExactly("targeting.provinces");
    }

    @Test
    void refusesTargetingThatReachesNoScreen() {
        assertThat(problems(campaign(15, Targeting.NETWORK.withScreenTypes(ScreenType.TV_SET), Frequency.perHour(1))))
                .extracting(ValidationProblem::field)
                .containsExactly("targeting");
    }

    @Test
    void parsesFrequenciesAsPlannersWriteThem() {
        assertThat(Frequency.parse("12/h")).isEqualTo(Frequency.perHour(12));
        assertThat(Frequency.parse("6/5min")).isEqualTo(Frequency.perMinutes(6, 5));
        assertThat(Frequency.parse("20/day")).isEqualTo(Frequency.perDay(20));
        assertThatThrownBy(() -> Frequency.parse("often")).hasMessageContaining("12/h");
    }
}
