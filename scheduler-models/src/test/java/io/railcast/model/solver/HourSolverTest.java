package io.railcast.model.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HourSolverTest {

    static final HourSolver SOLVER = new HourSolver();

    static CreativeChoice creative(String id, int seconds) {
        return new CreativeChoice(id, seconds, Set.of(ScreenType.LCD_FRAME));
    }

    static Demand perPeriod(String id, CampaignKind kind, String category, int plays, int periodMinutes, int seconds) {
        List<PlayWindow> windows = new ArrayList<>();
        int period = periodMinutes * 60;
        for (int from = 0; from < 3600; from += period) {
            windows.add(new PlayWindow(from, from + period, plays));
        }
        CreativeChoice c = creative(id + "-c", seconds);
        return new Demand(id, kind, category, true, windows, 3600,
                Collections.nCopies(plays * windows.size(), c), List.of(c));
    }

    static Filler filler() {
        return new Filler("filler", CampaignKind.FILLER, SecondRange.WHOLE_HOUR,
                List.of(creative("f30", 30), creative("f15", 15), creative("f10", 10), creative("f5", 5)));
    }

    static HourProblem busyHour() {
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            demands.add(perPeriod("national-" + i, CampaignKind.COMMERCIAL, i % 2 == 0 ? "automotive" : "", 12, 60, 15));
        }
        for (int i = 0; i < 8; i++) {
            demands.add(perPeriod("regional-" + i, CampaignKind.COMMERCIAL, i % 3 == 0 ? "liquor" : "", 4, 60, 15));
        }
        demands.add(perPeriod("psa-5min", CampaignKind.PUBLIC_SERVICE, "", 6, 5, 5));
        demands.add(perPeriod("station-30", CampaignKind.COMMERCIAL, "telecom", 2, 60, 30));
        return new HourProblem(ScreenType.LCD_FRAME, 5, SecondRange.WHOLE_HOUR, true, 0.03, demands,
                List.of(filler()));
    }

    @Test
    void placesEveryContractedPlayOfABusyHourWithoutDeadAir() {
        SolvedHour solved = SOLVER.solve(busyHour());
        HourPlan plan = solved.plan();
        assertThat(solved.missingPlays()).isEmpty();
        assertThat(plan.airtimeSeconds()).isEqualTo(3600);
        int t = 0;
        for (Spot spot : plan.spots()) {
            assertThat(spot.offsetSeconds()).isEqualTo(t);
            t = spot.endSeconds();
        }
        assertThat(solved.score().hardOrSoftScore(0)).isZero();
        assertThat(solved.score().hardOrSoftScore(1)).as("spacing").isZero();
        long started = System.nanoTime();
        int n = 200;
        for (int i = 0; i < n; i++) {
            SOLVER.solve(busyHour());
        }
        System.out.printf("busy hour solved in %.2f ms on average%n", (System.nanoTime() - started) / 1e6 / n);
    }
}
