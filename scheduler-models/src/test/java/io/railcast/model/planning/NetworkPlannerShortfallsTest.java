package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.solver.HourSolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NetworkPlanner#shortfalls}: the plan's shortfalls without the plan, and hours solved once per run. */
class NetworkPlannerShortfallsTest {

    private final NetworkPlanner planner = new NetworkPlanner(new HourSolver(1), PsaPolicy.DEFAULT, 2);

    /** Three campaigns of two plays of 690 s an hour at Wuxi East for a week: more than an hour has. */
    private static List<Campaign> overbooked() {
        return List.of("a", "b", "c").stream()
                .map(id -> campaign(
                        id,
                        CampaignKind.COMMERCIAL,
                        Targeting.stations("WGH"),
                        MONDAY.atStartOfDay(),
                        MONDAY.plusDays(7).atStartOfDay(),
                        Frequency.perHour(2),
                        690))
                .toList();
    }

    @Test
    void givesTheShortfallsOfThePlan() {
        List<Shortfall> planned =
                planner.plan(NETWORK, overbooked(), MONDAY, 3).schedule().shortfalls();

        List<Shortfall> found = planner.shortfalls(NETWORK, overbooked(), MONDAY, 3, new SolvedHours());

        assertThat(planned).isNotEmpty();
        assertThat(found).containsExactlyInAnyOrderElementsOf(planned);
    }

    @Test
    void solvesAnHourMetAgainOnALaterDayOnceAndGivesItTheSamePlan() {
        SolvedHours solved = new SolvedHours();
        List<Shortfall> firstWeek = planner.shortfalls(NETWORK, overbooked(), MONDAY, 2, solved);
        int known = solved.size();

        List<Shortfall> again = planner.shortfalls(NETWORK, overbooked(), MONDAY.plusDays(2), 2, solved);

        assertThat(known).isPositive();
        assertThat(solved.size()).as("the days repeat: no new hour problem").isEqualTo(known);
        assertThat(again)
                .extracting(s -> List.of(s.campaignId(), s.station(), s.hour(), s.missingPlays()))
                .containsExactlyInAnyOrderElementsOf(firstWeek.stream()
                        .map(s -> List.of(s.campaignId(), s.station(), s.hour(), s.missingPlays()))
                        .toList());
        assertThat(again)
                .containsExactlyInAnyOrderElementsOf(planner.plan(NETWORK, overbooked(), MONDAY.plusDays(2), 2)
                        .schedule()
                        .shortfalls());
    }
}
