package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Network;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The claim {@link RepeatingDays} rests on, checked against the resolver itself: on seeded books of every shape
 * (flights starting and ending mid-day, per-day and per-period frequencies, weighted rotations of uneven spots, daily
 * hours, stations open past midnight, screens out of service), every day has exactly the hour problems of the
 * distinct day it is mapped to, and the shortfalls found that way, once per {@link ProblemClass}, are those of a full
 * plan.
 */
class RepeatingDaysTest {

    private static final int DAYS = 75;

    @Test
    void everyDayHasTheProblemsOfTheDistinctDayItRepeats() {
        int days = 0;
        int distinct = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            Network network = SeededBooks.withOutages(random, DAYS);
            List<Campaign> book = SeededBooks.book(random, 3 + random.nextInt(6), DAYS, 60);
            HourProblemResolver resolver = new HourProblemResolver(PsaPolicy.DEFAULT);
            for (ScreenGroup group : ScreenGroups.of(network, book).values()) {
                RepeatingDays repeating = resolver.repeatingDays(group, MONDAY, DAYS);
                HourProblem[] day = new HourProblem[24];
                for (int d = 0; d < DAYS; d++) {
                    LocalDate date = MONDAY.plusDays(d);
                    LocalDate same = MONDAY.plusDays(repeating.day(repeating.slot(d)));
                    resolver.resolveDay(group, date, day, 0);
                    for (int hour = 0; hour < 24; hour++) {
                        HourProblem problem = resolver.resolve(group, date, hour);
                        assertThat(day[hour])
                                .as("seed %d %s %s %d", seed, group.key(), date, hour)
                                .isEqualTo(problem);
                        assertThat(resolver.resolve(group, same, hour))
                                .as("seed %d %s %s %d as %s", seed, group.key(), date, hour, same)
                                .isEqualTo(problem);
                    }
                }
                days += DAYS;
                distinct += repeating.distinctDays();
            }
        }
        // the model is worth having only if most days repeat: fewer than a third are resolved
        assertThat(distinct).isLessThan(days / 3);
    }

    @Test
    void theShortfallsOfRepeatedDaysAreThoseOfAFullPlan() {
        NetworkPlanner planner = new NetworkPlanner(PsaPolicy.DEFAULT);
        int shortfalls = 0;
        java.util.Set<String> stations = new HashSet<>();
        for (long seed = 1; seed <= 2; seed++) {
            Random random = new Random(seed * 7919);
            List<Campaign> book = new ArrayList<>(SeededBooks.book(random, 4, DAYS, 60));
            // three stations over-sold for some days, so that there are shortfalls to agree on; two of them (same
            // hours, same PSA share) are one class, whose shortfalls are found once for both
            Targeting three = Targeting.stations("NKH", "HGH", "WGH");
            book.add(SeededBooks.campaign(
                    "over-" + seed,
                    CampaignKind.COMMERCIAL,
                    three,
                    MONDAY.plusDays(3).atTime(9, 30),
                    MONDAY.plusDays(6).atStartOfDay(),
                    new Frequency.PerPeriod(3, 60),
                    List.of(690, 690),
                    DailyHours.ALL_DAY));
            book.add(SeededBooks.campaign(
                    "over2-" + seed,
                    CampaignKind.COMMERCIAL,
                    three,
                    MONDAY.plusDays(5).atStartOfDay(),
                    MONDAY.plusDays(8).atStartOfDay(),
                    new Frequency.PerPeriod(3, 60),
                    List.of(690),
                    DailyHours.ALL_DAY));
            int days = 10;
            List<Shortfall> planned =
                    planner.plan(NETWORK, book, MONDAY, days).schedule().shortfalls();
            List<Shortfall> found = planner.shortfalls(NETWORK, book, MONDAY, days, new SolvedHours());
            assertThat(new HashSet<>(found)).as("seed %d", seed).isEqualTo(new HashSet<>(planned));
            shortfalls += found.size();
            found.forEach(shortfall -> stations.add(shortfall.station()));
        }
        assertThat(shortfalls).isPositive();
        assertThat(stations).contains("NKH", "HGH", "WGH");
    }
}
