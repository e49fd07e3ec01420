package io.railcast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AirtimeLedgerTest {

    static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);
    static final Station HUB =
            new Station("HUB", "枢纽站", "上海", "上海局", Tier.HUB, Station.CHINA, DailyHours.parse("05:30-00:30"));
    static final Station TOWN =
            new Station("TOWN", "小城站", "上海", "上海局", Tier.STANDARD, Station.CHINA, DailyHours.parse("06:30-22:00"));
    static final Network NETWORK = new Network(
            List.of(HUB, TOWN),
            List.of(
                    new Screen("HUB-01", "HUB", ScreenType.LCD_FRAME, "waiting-hall", LoopPolicy.STANDARD),
                    new Screen("TOWN-01", "TOWN", ScreenType.LCD_FRAME, "waiting-hall", LoopPolicy.STANDARD)));

    private final AirtimeLedger ledger = new AirtimeLedger(NETWORK, MONDAY, 7);

    @Test
    void refusesTheBookingThatWouldTakeMoreThanSixtyFivePercentOfAnHour() {
        for (int i = 0; i < 6; i++) {
            AirtimeLedger.Quote quote = ledger.quote(campaign("c" + i, "12/h", 30, ""));
            assertThat(quote.overflowingStations()).isEmpty();
            quote.book();
        }
        // 6 × 360 s = 2,160 s booked; another 360 s would make 2,520 s, over the 2,340 s cap.
        assertThat(ledger.quote(campaign("full", "12/h", 30, "")).overflowingStations())
                .containsExactly("HUB", "TOWN");
        assertThat(ledger.quote(campaign("small", "12/h", 15, "")).overflowingStations())
                .isEmpty();
    }

    @Test
    void keepsAnExclusiveCategoryToFifteenPercentOfAnHour() {
        ledger.quote(campaign("liquor-1", "12/h", 30, "liquor")).book();
        ledger.quote(campaign("liquor-2", "12/h", 15, "liquor")).book();
        assertThat(ledger.quote(campaign("liquor-3", "1/h", 5, "liquor")).overflowingStations())
                .hasSize(2);
        assertThat(ledger.quote(campaign("banking", "1/h", 5, "banking")).overflowingStations())
                .isEmpty();
    }

    @Test
    void pinsShortPeriodsIntoEveryFiveMinuteWindow() {
        ContractedDemand.Load load =
                demandOn(campaign("idents", "6/5min", 5, "")).load(group(HUB));
        assertThat(load.seconds()).isEqualTo(72 * 5);
        assertThat(load.windowTwelfths()).isEqualTo(6 * 5 * 12);
    }

    @Test
    void playsOnlyInHoursWhereFlightDailyHoursAndOpeningHoursMeet() {
        Campaign evening = campaign("evening", "1/h", 15, "")
                .withFlight(
                        new FlightWindow(MONDAY.atTime(0, 0), MONDAY.plusDays(1).atTime(2, 0)));
        Campaign crossing = new Campaign(
                "x",
                null,
                CampaignKind.COMMERCIAL,
                null,
                null,
                evening.creatives(),
                evening.targeting(),
                evening.flight(),
                DailyHours.parse("17:00-02:00"),
                evening.frequency(),
                1,
                0);
        boolean[] hub = demandOn(crossing).playing(group(HUB));
        assertThat(hub[16]).isFalse();
        assertThat(hub[17]).isTrue();
        assertThat(hub[23]).isTrue();
        assertThat(hub[24]).as("00:00-00:30 on Tuesday: the hub is still open").isTrue();
        assertThat(hub[25]).as("01:00 on Tuesday: the hub is closed").isFalse();
        boolean[] town = demandOn(crossing).playing(group(TOWN));
        assertThat(town[21]).isTrue();
        assertThat(town[22]).isFalse();
    }

    @Test
    void startsAFlightInTheHourItStarts() {
        Campaign wednesday = campaign("wed", "2/h", 15, "")
                .withFlight(new FlightWindow(
                        MONDAY.plusDays(2).atTime(14, 30), MONDAY.plusDays(10).atStartOfDay()));
        boolean[] playing = demandOn(wednesday).playing(group(HUB));
        assertThat(playing[2 * 24 + 13]).isFalse();
        assertThat(playing[2 * 24 + 14]).isTrue();
    }

    @Test
    void spreadsPlaysADayOverTheOpenHours() {
        // The hub is open 19 h: 20 plays a day are 1.05 an hour, reckoned as 2.
        assertThat(demandOn(campaign("daily", "20/day", 15, ""))
                        .load(group(HUB))
                        .seconds())
                .isEqualTo(30);
    }

    static Campaign campaign(String id, String frequency, int seconds, String category) {
        Creative creative = new Creative(
                id + "-A", seconds, Set.of(ScreenType.values()), "media/" + id + "-A.mp4", "0".repeat(64), 1_000_000);
        return new Campaign(
                id,
                id,
                CampaignKind.COMMERCIAL,
                "owner",
                category,
                List.of(new WeightedCreative(creative, 1)),
                Targeting.NETWORK,
                new FlightWindow(
                        MONDAY.minusDays(3).atStartOfDay(), MONDAY.plusDays(30).atStartOfDay()),
                DailyHours.ALL_DAY,
                Optional.of(Frequency.parse(frequency)),
                1,
                0);
    }

    private static ContractedDemand demandOn(Campaign campaign) {
        return new ContractedDemand(campaign, MONDAY.atStartOfDay(), 7 * 24);
    }

    private ScreenGroup group(Station station) {
        return ledger.quote(campaign("probe", "1/h", 5, "")).reached().stream()
                .filter(g -> g.station().equals(station))
                .findFirst()
                .orElseThrow();
    }
}
