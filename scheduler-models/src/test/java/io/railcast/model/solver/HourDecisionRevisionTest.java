package io.railcast.model.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.planning.HourDecision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ledger of decided hours keeps what {@link HourSolver#shortfall} decided by the problem's content and the
 * solver's {@link HourSolver#revision()}; it is only sound while a revision decides every problem alike, in every
 * process. This test pins the decisions of seeded hours of every load. When it fails, a change altered what hours
 * decide: raise {@link HourSolver#DECISIONS_REVISION} (so that no decision stored by the older build is read back)
 * and pin the new digest with it.
 */
class HourDecisionRevisionTest {

    private static final int HOURS = 400;
    private static final String PINNED = "1:0e3693086044da5d082da15f2536e1ce3f165e4967de62fc8b990f4aecd36c01";

    /** Two random hours' campaigns in one hour: up to ~140% load, so some hours are searched and some left short. */
    private static HourProblem doubled(Random random) {
        HourProblem first = HourSolverTest.randomHour(random);
        List<Demand> demands = new ArrayList<>(first.demands());
        for (Demand d : HourSolverTest.randomHour(random).demands()) {
            demands.add(new Demand(
                    d.campaignId() + "b",
                    d.kind(),
                    d.category(),
                    d.contracted(),
                    d.windows(),
                    d.activeTo(),
                    d.rotation(),
                    d.creatives(),
                    d.precedence()));
        }
        return new HourProblem(first.screenType(), 5, first.onAir(), true, 0.03, demands, first.fillers());
    }

    @Test
    void theDecisionsOfThisRevisionAreTheOnesPinned() throws Exception {
        HourSolver solver = new HourSolver(1);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(15);
        int shortHours = 0;
        int searched = 0;
        for (int i = 0; i < HOURS; i++) {
            SolvedHour hour = solver.shortfall(i % 2 == 0 ? HourSolverTest.randomHour(random) : doubled(random));
            searched += hour.searched() ? 1 : 0;
            shortHours += hour.isComplete() ? 0 : 1;
            digest.update((HourDecision.encode(hour) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(searched).as("hours searched").isPositive();
        assertThat(shortHours).as("hours of every load, some short").isBetween(HOURS / 20, HOURS - HOURS / 20);
        assertThat(solver.revision()).isEqualTo("shortfall/" + HourSolver.DECISIONS_REVISION + "/steps=1");
        assertThat(HourSolver.DECISIONS_REVISION + ":" + HexFormat.of().formatHex(digest.digest()))
                .isEqualTo(PINNED);
    }
}
