package io.railcast.model.solver;

import static io.railcast.model.solver.HourSolverTest.creative;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hours that cannot place every contracted play yield in the order the demands' precedence gives. */
class YieldingTest {

    /** {@code plays} spots of {@code seconds} in the first five minutes of the hour. */
    private static Demand firstFiveMinutes(String id, int plays, int seconds, int precedence) {
        CreativeChoice choice = creative(id + "-c", seconds);
        return new Demand(
                id,
                CampaignKind.COMMERCIAL,
                "",
                true,
                List.of(new PlayWindow(0, 300, plays)),
                300,
                Collections.nCopies(plays, choice),
                List.of(choice),
                precedence);
    }

    private static HourProblem hour(List<Demand> demands) {
        return new HourProblem(
                ScreenType.LCD_FRAME, 5, SecondRange.WHOLE_HOUR, true, 0, demands, List.of(HourSolverTest.filler()));
    }

    @Test
    void aCrowdedWindowOfAnHourWithRoomToSpareDropsTheLowestRankedEvenAfterLocalSearch() {
        // 450 s owed in a 300 s window of an hour that has room for it: not overbooked, so local search runs.
        SolvedHour solved = new HourSolver(50)
                .solve(hour(List.of(
                        firstFiveMinutes("long-high", 5, 30, 2),
                        firstFiveMinutes("short-low", 20, 5, 0),
                        firstFiveMinutes("mid", 10, 20, 1))));

        assertThat(solved.missingPlays()).containsOnlyKeys("short-low", "mid");
        assertThat(solved.missingPlays()).containsEntry("short-low", 20);
        assertThat(solved.missingSeconds().get("mid")).isGreaterThanOrEqualTo(150 - 100);
    }

    @Test
    void anOverbookedHourDropsTheLowestRankedWhateverTheLengths() {
        SolvedHour solved = new HourSolver(50)
                .solve(new HourProblem(
                        ScreenType.LCD_FRAME,
                        5,
                        new SecondRange(0, 300),
                        false,
                        0,
                        List.of(firstFiveMinutes("short-high", 30, 5, 1), firstFiveMinutes("long-low", 10, 30, 0)),
                        List.of(HourSolverTest.filler())));

        assertThat(solved.missingPlays()).isEqualTo(Map.of("long-low", 5));
    }

    @Test
    void thePublicServiceShareYieldsBeforeAnyContractedPlayOfAnOverbookedHour() {
        CreativeChoice notice = creative("psa-c", 15);
        Demand share = new Demand(
                "psa",
                CampaignKind.PUBLIC_SERVICE,
                "",
                false,
                List.of(new PlayWindow(0, 300, 2)),
                300,
                Collections.nCopies(2, notice),
                List.of(notice));
        SolvedHour solved = new HourSolver(50)
                .solve(new HourProblem(
                        ScreenType.LCD_FRAME,
                        5,
                        new SecondRange(0, 300),
                        false,
                        0.03,
                        List.of(firstFiveMinutes("high", 10, 15, 1), firstFiveMinutes("low", 12, 15, 0), share),
                        List.of(HourSolverTest.filler())));

        assertThat(solved.missingPlays()).as("330 s contracted in 300 s").isEqualTo(Map.of("low", 2));
    }
}
