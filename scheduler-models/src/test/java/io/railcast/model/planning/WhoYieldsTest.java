package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.WUXI_EAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.time.DailyHours;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An hour of Wuxi East booked 480 s past its 3,600: every campaign of a different rank, and the spot lengths chosen
 * so that dropping the shortest spots (as the planner once did) would hit the wrong campaigns.
 */
class WhoYieldsTest {

    private static final Instant NOVEMBER_1 = Instant.parse("2026-11-01T02:00:00Z");
    private static final Instant NOVEMBER_20 = Instant.parse("2026-11-20T02:00:00Z");

    private final NetworkPlanner planner = new NetworkPlanner(PsaPolicy.DEFAULT);

    /** One hour (Monday 12:00–13:00) at Wuxi East, {@code plays} spots of {@code seconds} each. */
    private static Campaign noonAtWuxi(
            String id, CampaignKind kind, int plays, int seconds, int priority, long priceCents, Instant booked) {
        return new Campaign(
                id,
                id,
                kind,
                "owner",
                "",
                List.of(new WeightedCreative(SmallNetwork.creative(id + "-a", seconds), 1)),
                Targeting.stations(WUXI_EAST.code()),
                new FlightWindow(MONDAY.atTime(12, 0), MONDAY.atTime(13, 0)),
                DailyHours.ALL_DAY,
                Optional.of(Frequency.perHour(plays)),
                priority,
                priceCents,
                booked);
    }

    private static List<Campaign> overbookedNoon() {
        List<Campaign> campaigns = new ArrayList<>();
        campaigns.add(SmallNetwork.filler());
        // 180 s: a guaranteed PSA ranks by its own priority, here above every commercial campaign.
        campaigns.add(noonAtWuxi("psa-high", CampaignKind.PUBLIC_SERVICE, 6, 30, 90, 0, NOVEMBER_20));
        campaigns.add(noonAtWuxi("anchor", CampaignKind.COMMERCIAL, 40, 30, 50, 50_000, NOVEMBER_20)); // 1,200 s
        // Same priority, 600 s each: the 5 s spots cost 1,000 cents a second, the 15 s ones 100.
        campaigns.add(noonAtWuxi("premium", CampaignKind.COMMERCIAL, 120, 5, 20, 600_000, NOVEMBER_20));
        campaigns.add(noonAtWuxi("budget", CampaignKind.COMMERCIAL, 40, 15, 20, 60_000, NOVEMBER_20));
        // Same priority and price per second, 600 s each: the one booked later yields first.
        campaigns.add(noonAtWuxi("early-bird", CampaignKind.COMMERCIAL, 60, 10, 10, 60_000, NOVEMBER_1));
        campaigns.add(noonAtWuxi("latecomer", CampaignKind.COMMERCIAL, 60, 10, 10, 60_000, NOVEMBER_20));
        // 300 s: the lowest priority of all, a PSA, so it yields everything first.
        campaigns.add(noonAtWuxi("psa-low", CampaignKind.PUBLIC_SERVICE, 20, 15, 0, 0, NOVEMBER_1));
        return campaigns;
    }

    @Test
    void dropsTheLowestRankedPlaysWhateverTheirLengthAndNamesEach() {
        PlanResult plan = planner.plan(NETWORK, overbookedNoon(), MONDAY, 1);

        List<Shortfall> shortfalls = plan.schedule().shortfalls();
        Map<String, Integer> missingByCampaign = shortfalls.stream()
                .collect(Collectors.toMap(Shortfall::campaignId, Shortfall::missingPlays, Math::max));
        assertThat(missingByCampaign.keySet()).containsExactlyInAnyOrder("psa-low", "latecomer");
        assertThat(missingByCampaign).containsEntry("psa-low", 20);
        // 480 s over: after psa-low's 300 s, at least 18 of latecomer's 10 s plays, and not all of them.
        assertThat(missingByCampaign.get("latecomer")).isBetween(18, 59);
        // Each of the station's three screens (one shortfall per group of screens alike) lacks the same plays.
        assertThat(shortfalls.stream()
                        .collect(Collectors.groupingBy(
                                Shortfall::campaignId, Collectors.summingInt(Shortfall::screens))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("psa-low", 3, "latecomer", 3));
        for (Shortfall shortfall : shortfalls) {
            assertThat(shortfall.station()).isEqualTo(WUXI_EAST.code());
            assertThat(shortfall.hour()).isEqualTo(12);
            assertThat(shortfall.missingPlays()).isEqualTo(missingByCampaign.get(shortfall.campaignId()));
            int seconds = shortfall.campaignId().equals("psa-low") ? 15 : 10;
            assertThat(shortfall.missingSeconds()).isEqualTo(shortfall.missingPlays() * seconds);
        }
    }

    @Test
    void namesExactlyThePlaysTheScheduleLacks() {
        PlanResult plan = planner.plan(NETWORK, overbookedNoon(), MONDAY, 1);
        var report = new ScheduleAuditor().audit(NETWORK, overbookedNoon(), PsaPolicy.DEFAULT, plan.schedule());
        int named = plan.schedule().shortfalls().stream()
                .mapToInt(s -> s.screens() * s.missingPlays())
                .sum();
        assertThat(report.contractedPlaysMissing()).isEqualTo(named);
    }
}
