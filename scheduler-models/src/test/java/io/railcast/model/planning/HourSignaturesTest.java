package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.solver.HourProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The claim a resolver's cache rests on ({@link HourSignatures}): two group-hours with equal signatures have equal
 * problems. On seeded books of every shape (with fillers and PSAs whose creatives rotate), every hour a resolver answers after resolving all the hours before it
 * (from its cache wherever a signature was met) is the problem a new resolver builds for that hour alone.
 */
class HourSignaturesTest {

    private static final int DAYS = 21;

    @Test
    void anHourAnsweredFromTheCacheIsTheProblemBuiltForItAlone() {
        int fromCache = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed * 7_703);
            Network network = SeededBooks.withOutages(random, DAYS);
            List<Campaign> book = new ArrayList<>(SeededBooks.book(random, 3 + random.nextInt(6), DAYS, 20));
            book.add(rotatingPsaPool());
            HourProblemResolver resolver = new HourProblemResolver(PsaPolicy.DEFAULT);
            Set<HourProblem> met = new HashSet<>();
            for (ScreenGroup group : ScreenGroups.of(network, book).values()) {
                HourProblem[] day = new HourProblem[24];
                for (int d = 0; d < DAYS; d++) {
                    LocalDate date = MONDAY.plusDays(d);
                    resolver.resolveDay(group, date, day, 0);
                    for (int hour = 0; hour < 24; hour++) {
                        HourProblem alone = new HourProblemResolver(PsaPolicy.DEFAULT).resolve(group, date, hour);
                        assertThat(day[hour])
                                .as("seed %d %s %s %d", seed, group.key(), date, hour)
                                .isEqualTo(alone);
                        if (day[hour] != null && !met.add(day[hour])) {
                            fromCache++;
                        }
                    }
                }
            }
        }
        assertThat(fromCache).as("hours whose problem was met before").isGreaterThan(10_000);
    }

    /** PSAs without a guaranteed frequency whose creatives rotate: the hour decides which of them fill the share. */
    private static Campaign rotatingPsaPool() {
        return SmallNetwork.everywhereAllYear(
                "psa-rotating",
                "psa-rotating",
                CampaignKind.PUBLIC_SERVICE,
                List.of(
                        new WeightedCreative(SmallNetwork.creative("psa-5", 5), 1),
                        new WeightedCreative(SmallNetwork.creative("psa-15", 15), 2),
                        new WeightedCreative(SmallNetwork.creative("psa-30", 30), 1)));
    }
}
