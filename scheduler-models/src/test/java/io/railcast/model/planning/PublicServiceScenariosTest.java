package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.audit.AuditReport;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Screen;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public-service bookings the CSR team makes every month, planned and audited end to end. */
class PublicServiceScenariosTest {

    private final NetworkPlanner planner = new NetworkPlanner(PsaPolicy.DEFAULT);
    private final ScheduleAuditor auditor = new ScheduleAuditor();

    private NetworkSchedule planAndAudit(List<Campaign> bookings, LocalDate firstDay, int days) {
        List<Campaign> campaigns = new java.util.ArrayList<>(bookings);
        campaigns.add(SmallNetwork.filler());
        campaigns.add(SmallNetwork.psaPool());
        PlanResult result = planner.plan(NETWORK, campaigns, firstDay, days);
        AuditReport audit = auditor.audit(NETWORK, campaigns, PsaPolicy.DEFAULT, result.schedule());
        assertThat(audit.faults()).isEmpty();
        assertThat(audit.isFeasible()).isTrue();
        assertThat(audit.maxCumulativeDeviation()).isLessThanOrEqualTo(1.0);
        assertThat(audit.psaShareMin()).isGreaterThanOrEqualTo(PsaPolicy.DEFAULT.defaultShare());
        assertThat(result.schedule().shortfalls()).isEmpty();
        return result.schedule();
    }

    private static long plays(HourPlan plan, String campaignId) {
        return plan.spots().stream()
                .filter(s -> s.campaignId().equals(campaignId))
                .count();
    }

    @Test
    void oncePerHourInEveryStationOfAProvinceForSevenMonths() {
        Campaign province = campaign(
                "jiangsu-civility",
                CampaignKind.PUBLIC_SERVICE,
                Targeting.provinces("江苏"),
                MONDAY.minusMonths(2).atStartOfDay(),
                MONDAY.plusMonths(5).atStartOfDay(),
                Frequency.perHour(1),
                15);
        NetworkSchedule schedule = planAndAudit(List.of(province), MONDAY, 3);
        for (Screen screen : NETWORK.screens()) {
            boolean inJiangsu = NETWORK.stationOf(screen).province().equals("江苏");
            // 10:00 is inside every station's operating hours.
            HourPlan ten = schedule.planFor(screen.id(), MONDAY.plusDays(1), 10).orElseThrow();
            assertThat(plays(ten, province.id())).as(screen.id()).isEqualTo(inJiangsu ? 1 : 0);
        }
    }

    @Test
    void twiceAnHourInOneBigStationForThreeWeeks() {
        Campaign fireSafety = campaign(
                "fire-safety",
                CampaignKind.PUBLIC_SERVICE,
                Targeting.stations("NKH"),
                MONDAY.atStartOfDay(),
                MONDAY.plusWeeks(3).atStartOfDay(),
                Frequency.perHour(2),
                15);
        NetworkSchedule schedule =
                planAndAudit(List.of(fireSafety), MONDAY.plusWeeks(3).minusDays(1), 2);
        LocalDate lastDay = MONDAY.plusWeeks(3).minusDays(1);
        assertThat(plays(schedule.planFor("NKH-lcd-1", lastDay, 23).orElseThrow(), "fire-safety"))
                .isEqualTo(2);
        // The flight ends at midnight: the station's half hour after midnight plays none.
        assertThat(plays(schedule.planFor("NKH-lcd-1", lastDay.plusDays(1), 0).orElseThrow(), "fire-safety"))
                .isZero();
    }

    @Test
    void sixTimesEveryFiveMinutesInOneStationForSevenWeeks() {
        Campaign dense = campaign(
                "anti-fraud",
                CampaignKind.PUBLIC_SERVICE,
                Targeting.stations("HGH"),
                MONDAY.atStartOfDay(),
                MONDAY.plusWeeks(7).atStartOfDay(),
                Frequency.perMinutes(6, 5),
                5);
        NetworkSchedule schedule = planAndAudit(List.of(dense), MONDAY, 2);
        HourPlan noon = schedule.planFor("HGH-led-1", MONDAY, 12).orElseThrow();
        assertThat(plays(noon, "anti-fraud")).isEqualTo(72);
        // Opening at 05:30 leaves six whole 5-minute windows in hour 5.
        assertThat(plays(schedule.planFor("HGH-lcd-1", MONDAY, 5).orElseThrow(), "anti-fraud"))
                .isEqualTo(36);
    }

    @Test
    void charityWeekFromMondayMidnightToTheNextTuesdayEightNetworkWide() {
        Campaign charity = campaign(
                "charity-week",
                CampaignKind.PUBLIC_SERVICE,
                Targeting.NETWORK,
                MONDAY.atStartOfDay(),
                MONDAY.plusDays(8).atTime(8, 0),
                Frequency.perHour(4),
                15);
        NetworkSchedule schedule = planAndAudit(List.of(charity), MONDAY.plusDays(7), 2);
        LocalDate nextTuesday = MONDAY.plusDays(8);
        assertThat(plays(schedule.planFor("NGH-lcd-1", nextTuesday, 7).orElseThrow(), "charity-week"))
                .isEqualTo(4);
        assertThat(plays(schedule.planFor("NGH-lcd-1", nextTuesday, 8).orElseThrow(), "charity-week"))
                .isZero();
        // Nanjing South is open past midnight: Monday night's 00:00–00:30 plays two (half an hour of 4 per hour).
        assertThat(plays(schedule.planFor("NKH-lcd-1", nextTuesday, 0).orElseThrow(), "charity-week"))
                .isEqualTo(2);
    }
}
