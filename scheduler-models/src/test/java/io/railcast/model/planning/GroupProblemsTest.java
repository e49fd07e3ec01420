package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.solver.HourProblem;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resolving on several threads gives what one resolver gives, on seeded books of every shape: the same groups in the
 * same order, the same repeating days, hour by hour equal problems, and equal problems as one object (the planner
 * shares distinct hours by identity).
 */
class GroupProblemsTest {

    private static final int DAYS = 40;

    @Test
    void twoThreadsResolveWhatOneResolves() {
        int problems = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed * 17);
            Network network = SeededBooks.withOutages(random, DAYS);
            List<Campaign> book = SeededBooks.book(random, 3 + random.nextInt(6), DAYS, 30);
            Collection<ScreenGroup> groups = ScreenGroups.of(network, book).values();
            GroupProblems.Resolved one =
                    new GroupProblems(PsaPolicy.DEFAULT, 1).resolveDistinctDays(groups, MONDAY, DAYS);
            GroupProblems.Resolved two =
                    new GroupProblems(PsaPolicy.DEFAULT, 2).resolveDistinctDays(groups, MONDAY, DAYS);

            assertThat(two.problems().keySet())
                    .containsExactlyElementsOf(one.problems().keySet());
            assertThat(two.repeats().keySet())
                    .containsExactlyElementsOf(one.repeats().keySet());
            for (ScreenGroup.Key key : one.problems().keySet()) {
                assertThat(two.problems().get(key))
                        .as("seed %d %s", seed, key)
                        .isEqualTo(one.problems().get(key));
                for (int day = 0; day < DAYS; day++) {
                    assertThat(two.repeats().get(key).slot(day))
                            .as("seed %d %s day %d", seed, key, day)
                            .isEqualTo(one.repeats().get(key).slot(day));
                }
            }
            assertThat(distinctObjects(two.problems())).as("seed %d", seed).isEqualTo(distinctValues(two.problems()));
            assertThat(distinctObjects(one.problems())).as("seed %d", seed).isEqualTo(distinctValues(one.problems()));

            Map<ScreenGroup.Key, HourProblem[]> everyDay =
                    new GroupProblems(PsaPolicy.DEFAULT, 2).resolve(groups, MONDAY, 7);
            Map<ScreenGroup.Key, HourProblem[]> everyDayByOne =
                    new GroupProblems(PsaPolicy.DEFAULT, 1).resolve(groups, MONDAY, 7);
            assertThat(everyDay).containsExactlyEntriesOf(everyDayByOne);
            assertThat(distinctObjects(everyDay)).isEqualTo(distinctValues(everyDay));
            problems += distinctValues(two.problems());
        }
        assertThat(problems).isGreaterThan(500);
    }

    private static int distinctObjects(Map<ScreenGroup.Key, HourProblem[]> problems) {
        Map<HourProblem, Boolean> objects = new IdentityHashMap<>();
        problems.values().forEach(hours -> {
            for (HourProblem problem : hours) {
                if (problem != null) {
                    objects.put(problem, Boolean.TRUE);
                }
            }
        });
        return objects.size();
    }

    private static int distinctValues(Map<ScreenGroup.Key, HourProblem[]> problems) {
        Set<HourProblem> values = new HashSet<>();
        problems.values().forEach(hours -> {
            for (HourProblem problem : hours) {
                if (problem != null) {
                    values.add(problem);
                }
            }
        });
        return values.size();
    }
}
