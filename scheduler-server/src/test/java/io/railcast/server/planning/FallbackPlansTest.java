package io.railcast.server.planning;

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
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.DailyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FallbackPlansTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Station STATION =
            new Station("HZD", "杭州东站", "浙江", "上海局", Tier.HUB, Station.CHINA, DailyHours.parse("05:30-00:30"));
    private static final Screen LCD = new Screen("HZD-LCD-1", "HZD", ScreenType.LCD_FRAME, "hall", LoopPolicy.STANDARD);
    private static final Screen LED = new Screen("HZD-LED-1", "HZD", ScreenType.LED_LARGE, "hall", LoopPolicy.STANDARD);
    private static final Network NETWORK = new Network(List.of(STATION), List.of(LCD, LED));

    @Test
    void fillsAWholeHourWithTheFillersThatReachTheScreen() {
        Campaign filler = campaign("FIL-1", CampaignKind.FILLER, ScreenType.LCD_FRAME, 30, 15, 10, 5);
        HourPlan plan = new FallbackPlans(NETWORK, List.of(filler), TODAY, 2).forScreen(LCD);
        assertThat(plan).isNotNull();
        assertThat(plan.airtimeSeconds()).isEqualTo(3600);
        int at = 0;
        for (Spot spot : plan.spots()) {
            assertThat(spot.offsetSeconds()).isEqualTo(at);
            assertThat(spot.kind()).isEqualTo(CampaignKind.FILLER);
            at = spot.endSeconds();
        }
        assertThat(plan.spots()).extracting(Spot::creativeId).contains("FIL-1-30", "FIL-1-15", "FIL-1-10", "FIL-1-5");
    }

    @Test
    void fallsBackToPublicServiceWithoutAGuaranteeWhenNoFillerReachesTheScreen() {
        Campaign lcdFiller = campaign("FIL-1", CampaignKind.FILLER, ScreenType.LCD_FRAME, 30, 5);
        Campaign pool = campaign("PSA-9", CampaignKind.PUBLIC_SERVICE, ScreenType.LED_LARGE, 15, 5);
        FallbackPlans fallbacks = new FallbackPlans(NETWORK, List.of(lcdFiller, pool), TODAY, 2);
        assertThat(fallbacks.forScreen(LED).spots())
                .extracting(Spot::campaignId)
                .containsOnly("PSA-9");
        assertThat(fallbacks.forScreen(LCD)).isSameAs(fallbacks.forScreen(LCD));
    }

    @Test
    void hasNoneWithoutMaterialOrWhenTheFillerHasEnded() {
        Campaign ended = campaign("FIL-1", CampaignKind.FILLER, ScreenType.LCD_FRAME, 30, 5)
                .withFlight(new FlightWindow(
                        TODAY.minusDays(9).atStartOfDay(), TODAY.minusDays(2).atStartOfDay()));
        Campaign guaranteed = campaign("PSA-1", CampaignKind.PUBLIC_SERVICE, ScreenType.LCD_FRAME, 15)
                .withFrequency(Frequency.perHour(2));
        assertThat(new FallbackPlans(NETWORK, List.of(ended, guaranteed), TODAY, 2).forScreen(LCD))
                .isNull();
    }

    @Test
    void hasNoneForARetiredScreenButKeepsItForOneOutOfServiceForAPeriod() {
        Campaign filler = campaign("FIL-1", CampaignKind.FILLER, ScreenType.LCD_FRAME, 30, 5);
        Instant noon = TODAY.atTime(12, 0).atZone(Station.CHINA).toInstant();
        Network network = NETWORK.withOutOfService(Set.of(LCD.id()), OutOfService.retired(noon))
                .withOutOfService(Set.of(LED.id()), new OutOfService(noon, noon.plusSeconds(7200)));
        FallbackPlans fallbacks = new FallbackPlans(network, List.of(filler), TODAY, 2);
        assertThat(fallbacks.forScreen(LCD)).isNull();
        assertThat(new FallbackPlans(
                                network,
                                List.of(campaign("FIL-2", CampaignKind.FILLER, ScreenType.LED_LARGE, 5)),
                                TODAY,
                                2)
                        .forScreen(LED))
                .isNotNull();
    }

    private static Campaign campaign(String id, CampaignKind kind, ScreenType type, int... lengths) {
        List<WeightedCreative> creatives = java.util.Arrays.stream(lengths)
                .mapToObj(s -> new WeightedCreative(new Creative(id + "-" + s, s, Set.of(type), "u", "0", 1), 1))
                .toList();
        return new Campaign(
                id,
                id,
                kind,
                "ops",
                "",
                creatives,
                Targeting.NETWORK,
                new FlightWindow(
                        TODAY.minusYears(1).atStartOfDay(), TODAY.plusYears(1).atStartOfDay()),
                DailyHours.ALL_DAY,
                Optional.empty(),
                0,
                0);
    }
}
