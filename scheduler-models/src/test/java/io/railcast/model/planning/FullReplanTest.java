package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.audit.Churn;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.schedule.Spot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A full re-plan (nightly, a new day, another server's version, a network change) starts from the published plan:
 * with nothing changed it moves no spot, and on a new day it moves nothing on the days both plans cover.
 */
class FullReplanTest {

    private final NetworkPlanner planner = new NetworkPlanner(PsaPolicy.DEFAULT);
    private final ScheduleAuditor auditor = new ScheduleAuditor();

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

    /** The plan published after a booking change: its changed hours were solved from the plan before. */
    private PlanResult publishedAfterAChange(int days) {
        PlanResult first = planner.plan(NETWORK, bookings(), MONDAY, days);
        List<Campaign> changed = new ArrayList<>(bookings());
        changed.replaceAll(c -> c.id().equals("zhejiang") ? c.withFrequency(Frequency.perHour(3)) : c);
        return planner.replan(first, changed, Set.of("zhejiang"));
    }

    @Test
    void aFullReplanOfAnUnchangedBookMovesNoSpot() {
        PlanResult published = publishedAfterAChange(1);

        PlanResult nightly = planner.plan(NETWORK, published.campaigns(), MONDAY, 1, PlanProgress.NONE, published);

        assertThat(auditor.churn(published.schedule(), nightly.schedule())).isEqualTo(Churn.NONE);
        assertThat(nightly.solvedHours()).isZero();
        // From scratch, the same book would move published plays: the hours the change solved from their
        // published plans are placed otherwise by a plan that knows no published plan.
        PlanResult fromScratch = planner.plan(NETWORK, published.campaigns(), MONDAY, 1);
        assertThat(auditor.churn(published.schedule(), fromScratch.schedule()).spotsMoved())
                .isPositive();
    }

    @Test
    void aNewDayMovesNothingOnTheDaysBothPlansCover() {
        PlanResult published = publishedAfterAChange(2);

        PlanResult tuesday =
                planner.plan(NETWORK, published.campaigns(), MONDAY.plusDays(1), 2, PlanProgress.NONE, published);

        assertThat(tuesday.schedule().firstDay()).isEqualTo(MONDAY.plusDays(1));
        assertThat(auditor.churn(published.schedule(), tuesday.schedule())).isEqualTo(Churn.NONE);
        // only Wednesday, which no published plan covers, is solved
        PlanResult wednesday = planner.plan(NETWORK, published.campaigns(), MONDAY.plusDays(2), 1);
        assertThat(tuesday.solvedHours()).isEqualTo(wednesday.solvedHours());
    }

    @Test
    void aFullReplanAfterAChangeKeepsThePublishedPlaysOfTheOtherCampaigns() {
        PlanResult published = planner.plan(NETWORK, bookings(), MONDAY, 1);
        List<Campaign> changed = new ArrayList<>(bookings());
        changed.replaceAll(c -> c.id().equals("zhejiang") ? c.withFrequency(Frequency.perHour(4)) : c);

        // a full re-plan is not told which campaign changed
        PlanResult next = planner.plan(NETWORK, changed, MONDAY, 1, PlanProgress.NONE, published);

        List<Spot> nationalBefore = published.schedule().planFor("HGH-lcd-1", MONDAY, 12).orElseThrow().spots().stream()
                .filter(s -> s.campaignId().equals("national"))
                .toList();
        List<Spot> after =
                next.schedule().planFor("HGH-lcd-1", MONDAY, 12).orElseThrow().spots();
        assertThat(after).containsAll(nationalBefore);
        assertThat(after).filteredOn(s -> s.campaignId().equals("zhejiang")).hasSize(4);
        // screens the change does not reach keep their plans, found by problem, not by a list of changed campaigns
        assertThat(next.schedule().planFor("NKH-lcd-1", MONDAY, 12))
                .containsSame(
                        published.schedule().planFor("NKH-lcd-1", MONDAY, 12).orElseThrow());
        assertThat(auditor.audit(NETWORK, changed, PsaPolicy.DEFAULT, next.schedule())
                        .isFeasible())
                .isTrue();
    }
}
