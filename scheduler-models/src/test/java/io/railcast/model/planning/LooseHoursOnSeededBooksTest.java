package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.HourSolver;
import io.railcast.model.solver.SolvedHour;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole-flight check's answer for an hour ({@link HourSolver#shortfall}, which decides loose hours by a proven
 * bound) is the planner's ({@link HourSolver#solve}, which never uses it), on every distinct hour of seeded books.
 */
class LooseHoursOnSeededBooksTest {

    private static final int DAYS = 14;

    @Test
    void theCheckLeavesOutWhatThePlannerLeavesOutOnEveryHourOfSeededBooks() {
        HourSolver solver = new HourSolver(30);
        Set<HourProblem> problems = new LinkedHashSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed * 31);
            Network network = SeededBooks.withOutages(random, DAYS);
            List<Campaign> book = SeededBooks.book(random, 3 + random.nextInt(8), DAYS, 30);
            HourProblemResolver resolver = new HourProblemResolver(PsaPolicy.DEFAULT);
            for (ScreenGroup group : ScreenGroups.of(network, book).values()) {
                for (int d = 0; d < DAYS; d++) {
                    for (int hour = 0; hour < 24; hour++) {
                        HourProblem problem = resolver.resolve(group, MONDAY.plusDays(d), hour);
                        if (problem != null) {
                            problems.add(problem);
                        }
                    }
                }
            }
        }
        int whole = 0;
        for (HourProblem problem : problems) {
            SolvedHour checked = solver.shortfall(problem);
            // the bound only ever answers "nothing short, not searched"; any other answer is the solver's, as before
            if (checked.isComplete() && !checked.searched()) {
                whole++;
                SolvedHour planned = solver.solve(problem);
                assertThat(planned.missingPlays()).as("%s", problem).isEmpty();
                assertThat(planned.searched()).as("%s", problem).isFalse();
                assertThat(checked.score()).as("%s", problem).isEqualTo(planned.score());
            }
        }
        System.out.printf("LooseHoursOnSeededBooksTest: %d distinct hours, %d placed whole%n", problems.size(), whole);
        assertThat(problems).hasSizeGreaterThan(600);
    }
}
