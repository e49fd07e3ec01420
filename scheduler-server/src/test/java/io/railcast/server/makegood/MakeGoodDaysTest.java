package io.railcast.server.makegood;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MakeGoodDaysTest {

    /** Open 05:30 to 00:30. */
    private static final Station HZD =
            new Station("HZD", "杭州东站", "浙江", "上海局", Tier.HUB, Station.CHINA, DailyHours.parse("05:30-00:30"));

    /** Dec 7 06:00 to Dec 10 12:00, 08:00-20:00. */
    private static Campaign campaign(String dailyHours) {
        Creative creative = new Creative("CR-1", 15, Set.of(ScreenType.LCD_FRAME), "m/1", "0", 1);
        return new Campaign(
                "C-1",
                "C-1",
                CampaignKind.COMMERCIAL,
                "owner",
                "",
                List.of(new WeightedCreative(creative, 1)),
                Targeting.stations("HZD"),
                new FlightWindow(LocalDateTime.of(2026, 12, 7, 6, 0), LocalDateTime.of(2026, 12, 10, 12, 0)),
                DailyHours.parse(dailyHours),
                Optional.of(Frequency.perHour(2)),
                0,
                1000);
    }

    @Test
    void triesTheRemainingFlightFromTheNextWholeHourToItsLastDay() {
        assertThat(MakeGoodDays.starts(campaign("08:00-20:00"), HZD, 0, LocalDateTime.of(2026, 12, 8, 10, 17)))
                .containsExactly(
                        LocalDateTime.of(2026, 12, 8, 11, 0),
                        LocalDateTime.of(2026, 12, 9, 0, 0),
                        LocalDateTime.of(2026, 12, 10, 0, 0));
    }

    @Test
    void leavesOutTodayWhenTheCampaignsHoursAreOverAndAddsTheDaysOfAnExtension() {
        assertThat(MakeGoodDays.starts(campaign("08:00-20:00"), HZD, 2, LocalDateTime.of(2026, 12, 9, 19, 30)))
                .containsExactly(
                        LocalDateTime.of(2026, 12, 10, 0, 0),
                        LocalDateTime.of(2026, 12, 11, 0, 0),
                        LocalDateTime.of(2026, 12, 12, 0, 0));
    }

    @Test
    void startsNoEarlierThanTheFlightAndTriesNothingAfterIt() {
        assertThat(MakeGoodDays.starts(campaign("08:00-20:00"), HZD, 0, LocalDateTime.of(2026, 12, 1, 9, 0)))
                .first()
                .isEqualTo(LocalDateTime.of(2026, 12, 7, 6, 0));
        assertThat(MakeGoodDays.starts(campaign("08:00-20:00"), HZD, 0, LocalDateTime.of(2026, 12, 11, 9, 0)))
                .isEmpty();
    }

    @Test
    void triesNothingOfALastDayWhoseFlightIsOverBeforeTheNextHour() {
        assertThat(MakeGoodDays.starts(campaign("00:00-00:00"), HZD, 0, LocalDateTime.of(2026, 12, 10, 11, 30)))
                .isEmpty();
        assertThat(MakeGoodDays.starts(campaign("00:00-00:00"), HZD, 1, LocalDateTime.of(2026, 12, 10, 11, 30)))
                .as("an extended flight goes on after its end")
                .containsExactly(LocalDateTime.of(2026, 12, 10, 12, 0), LocalDateTime.of(2026, 12, 11, 0, 0));
    }

    @Test
    void triesAllThatIsOwedInWholePlaysAScreenThenHalvesDownToOne() {
        assertThat(MakeGoodDays.firstTry(12, 4)).isEqualTo(3);
        assertThat(MakeGoodDays.firstTry(13, 4))
                .as("rounded up: one play a screen more, not left owed")
                .isEqualTo(4);
        assertThat(MakeGoodDays.firstTry(0, 4)).isZero();
        assertThat(MakeGoodDays.firstTry(5, 0)).isZero();
        assertThat(MakeGoodDays.afterRefusal(5)).isEqualTo(2);
        assertThat(MakeGoodDays.afterRefusal(1)).isZero();
    }
}
