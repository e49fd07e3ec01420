package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.schedule.ScreenHour;
import io.railcast.model.solver.HourSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkPlannerTest {

    private final NetworkPlanner planner = new NetworkPlanner(PsaPolicy.DEFAULT);

    private static List<Campaign> bookings() {
        List<Campaign> campaigns = new ArrayList<>();
        campaigns.add(SmallNetwork.filler());
        campaigns.add(SmallNetwork.psaPool());
        campaigns.add(campaign(
                "national",
                CampaignKind.COMMERCIAL,
                Targeting.NETWORK,
                MONDAY.atStartOfDay(),
                MONDAY.plusWeeks(4).atStartOfDay(),
                Frequency.perHour(12),
                15));
        campaigns.add(campaign(
                "zhejiang",
                CampaignKind.COMMERCIAL,
                Targeting.provinces("浙江"),
                MONDAY.atStartOfDay(),
                MONDAY.plusWeeks(4).atStartOfDay(),
                Frequency.perHour(2),
                15));
        return campaigns;
    }

    @Test
    void screensThatCannotBeToldApartShareOnePlan() {
        PlanResult plan = planner.plan(NETWORK, bookings(), MONDAY, 1);
        // Two LCD screens of Wuxi East in different zones, but no campaign targets by zone: same problem, same plan.
        assertThat(plan.schedule()
                        .sharesPlan(new ScreenHour("WGH-lcd-1", MONDAY, 12), new ScreenHour("WGH-lcd-2", MONDAY, 12)))
                .isTrue();
        assertThat(plan.distinctHours()).isLessThan(plan.schedule().screenIds().size() * 24 / 4);
    }

    @Test
    void resolvingOnManyThreadsPlansExactlyAsOneThreadDoes() {
        // With 4 threads the groups are resolved in 8 slices by resolvers of their own; equal problems of different
        // slices must be one again, so the same hours are distinct and every screen-hour gets the same plan.
        assertThat(ScreenGroups.of(NETWORK, bookings())).hasSizeGreaterThanOrEqualTo(8);
        PlanResult one =
                new NetworkPlanner(new HourSolver(), PsaPolicy.DEFAULT, 1).plan(NETWORK, bookings(), MONDAY, 2);
        PlanResult many =
                new NetworkPlanner(new HourSolver(), PsaPolicy.DEFAULT, 4).plan(NETWORK, bookings(), MONDAY, 2);

        assertThat(many.distinctHours()).isEqualTo(one.distinctHours());
        assertThat(many.schedule().distinctPlans()).hasSameSizeAs(one.schedule().distinctPlans());
        for (String screen : one.schedule().screenIds()) {
            for (var date : one.schedule().dates()) {
                for (int hour = 0; hour < 24; hour++) {
                    assertThat(many.schedule().planFor(screen, date, hour))
                            .isEqualTo(one.schedule().planFor(screen, date, hour));
                }
            }
        }
    }

    @Test
    void tellsHowManyHoursAreSolvedInOrderUpToAll() {
        List<int[]> told = new ArrayList<>();
        PlanResult plan =
                planner.plan(NETWORK, bookings(), MONDAY, 1, (solved, total) -> told.add(new int[] {solved, total}));
        assertThat(told).isNotEmpty().allSatisfy(step -> assertThat(step[1]).isEqualTo(plan.solvedHours()));
        assertThat(told.get(told.size() - 1)[0]).isEqualTo(plan.solvedHours());
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i)[0]).isGreaterThan(told.get(i - 1)[0]);
        }
    }

    @Test
    void replanningKeepsEveryHourTheChangeDoesNotTouch() {
        List<Campaign> campaigns = bookings();
        PlanResult before = planner.plan(NETWORK, campaigns, MONDAY, 2);
        List<Campaign> changed = new ArrayList<>(campaigns);
        changed.replaceAll(c -> c.id().equals("zhejiang") ? c.withFrequency(Frequency.perHour(3)) : c);
        PlanResult after = planner.replan(before, changed, Set.of("zhejiang"));

        var churn = new ScheduleAuditor().churn(before.schedule(), after.schedule());
        assertThat(churn.screensChanged())
                .isEqualTo(SmallNetwork.screensOf(SmallNetwork.HANGZHOU_EAST).size()
                        + SmallNetwork.screensOf(SmallNetwork.NINGBO).size());
        assertThat(before.schedule().planFor("NKH-lcd-1", MONDAY, 12))
                .containsSame(after.schedule().planFor("NKH-lcd-1", MONDAY, 12).orElseThrow());
        // Inside Zhejiang the national campaign's plays stay where they were published.
        var nationalBefore = before.schedule().planFor("HGH-lcd-1", MONDAY, 12).orElseThrow().spots().stream()
                .filter(s -> s.campaignId().equals("national"))
                .toList();
        assertThat(after.schedule()
                        .planFor("HGH-lcd-1", MONDAY, 12)
                        .orElseThrow()
                        .spots())
                .containsAll(nationalBefore);
        assertThat(new ScheduleAuditor()
                        .audit(NETWORK, changed, PsaPolicy.DEFAULT, after.schedule())
                        .isFeasible())
                .isTrue();
    }

    @Test
    void availabilityCheckNamesEveryStationHourABookingWouldOverbook() {
        PlanResult current = planner.plan(NETWORK, bookings(), MONDAY, 1);
        // 12 plays of 30 s every 5 minutes fill Ningbo's screens entirely: there is no room for anyone else.
        Campaign greedy = campaign(
                "greedy",
                CampaignKind.COMMERCIAL,
                Targeting.stations("NGH"),
                MONDAY.atTime(10, 0),
                MONDAY.atTime(12, 0),
                Frequency.perMinutes(10, 5),
                30);
        Availability availability = new AvailabilityCheck(planner).check(current, greedy);

        assertThat(availability.fits()).isFalse();
        assertThat(availability.shortfalls()).allSatisfy(s -> {
            assertThat(s.station()).isEqualTo("NGH");
            assertThat(s.hour()).isBetween(10, 11);
            assertThat(s.shortSeconds()).isPositive();
        });
        assertThat(availability.shortfalls())
                .extracting(StationHourShortfall::hour)
                .contains(10, 11);
    }

    @Test
    void neverDropsAContractedPlayWithoutNamingIt() {
        List<Campaign> campaigns = bookings();
        // Handed straight to the planner, past the availability check: more than Ningbo's hours can hold.
        campaigns.add(campaign(
                "greedy",
                CampaignKind.COMMERCIAL,
                Targeting.stations("NGH"),
                MONDAY.atTime(10, 0),
                MONDAY.atTime(12, 0),
                Frequency.perMinutes(10, 5),
                30));
        PlanResult plan = planner.plan(NETWORK, campaigns, MONDAY, 1);

        var audit = new ScheduleAuditor().audit(NETWORK, campaigns, PsaPolicy.DEFAULT, plan.schedule());
        long named = plan.schedule().shortfalls().stream()
                .mapToLong(s -> (long) s.missingPlays() * s.screens())
                .sum();
        assertThat(audit.contractedPlaysMissing()).isPositive().isEqualTo(named);
        assertThat(audit.overlaps()).isZero();
        assertThat(audit.windowFaults()).isZero();
        assertThat(audit.deadAirSeconds()).isZero();
    }

    @Test
    void availabilityCheckAcceptsABookingThatFits() {
        PlanResult current = planner.plan(NETWORK, bookings(), MONDAY, 1);
        Campaign modest = campaign(
                "modest",
                CampaignKind.COMMERCIAL,
                Targeting.provinces("江苏"),
                MONDAY.atTime(7, 0),
                MONDAY.atTime(22, 0),
                Frequency.perHour(4),
                15);
        Availability availability = new AvailabilityCheck(planner).check(current, modest);
        assertThat(availability.fits()).isTrue();
        assertThat(availability
                        .tentativePlan()
                        .schedule()
                        .planFor("OHH-lcd-1", MONDAY, 9)
                        .orElseThrow()
                        .spots())
                .filteredOn(s -> s.campaignId().equals("modest"))
                .hasSize(4);
    }
}
