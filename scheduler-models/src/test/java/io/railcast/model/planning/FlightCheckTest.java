package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Network;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.solver.HourSolver;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlightCheckTest {

    private static final LocalDate AFTER_THE_PLAN = MONDAY.plusDays(3);

    /** The server checks bookings with the smallest search budget: the same planner, quickly. */
    private final NetworkPlanner planner = new NetworkPlanner(new HourSolver(1), PsaPolicy.DEFAULT, 2);

    private final FlightCheck check = new FlightCheck(planner);

    /**
     * Two plays of 690 s an hour at Wuxi East from day 10 to day 20: two such campaigns take 2,760 s of an hour, three
     * more than it has. Few long spots keep the solver's search small.
     */
    private static Campaign heavy(String id) {
        return heavy(id, MONDAY.plusDays(10), MONDAY.plusDays(20));
    }

    private static Campaign heavy(String id, LocalDate first, LocalDate endDay) {
        return campaign(
                id,
                CampaignKind.COMMERCIAL,
                Targeting.stations("WGH"),
                first.atStartOfDay(),
                endDay.atStartOfDay(),
                Frequency.perHour(2),
                690);
    }

    @Test
    void findsWhereABookingPastThePlanDoesNotFitOnEveryDayOfItsFlight() {
        assertThat(check.check(NETWORK, List.of(heavy("first")), heavy("second"), AFTER_THE_PLAN))
                .isEmpty();

        List<StationHourShortfall> third =
                check.check(NETWORK, List.of(heavy("first"), heavy("second")), heavy("third"), AFTER_THE_PLAN);

        assertThat(third).isNotEmpty().allSatisfy(s -> {
            assertThat(s.station()).isEqualTo("WGH");
            assertThat(s.date()).isBetween(MONDAY.plusDays(10), MONDAY.plusDays(19));
            assertThat(s.shortSeconds()).isPositive();
        });
        assertThat(third)
                .extracting(StationHourShortfall::date)
                .contains(MONDAY.plusDays(10), MONDAY.plusDays(16), MONDAY.plusDays(19));
    }

    @Test
    void agreesWithThePlannerWhenTheDayComes() {
        LocalDate day = MONDAY.plusDays(12);
        // the whole network planned on that day with all three, as the server plans it once the day is in its horizon
        Set<Integer> plannerShortHours = planner
                .plan(NETWORK, List.of(heavy("first"), heavy("second"), heavy("third")), day, 1)
                .schedule()
                .shortfalls()
                .stream()
                .map(Shortfall::hour)
                .collect(Collectors.toSet());

        Set<Integer> checkedShortHours =
                check.check(NETWORK, List.of(heavy("first"), heavy("second")), heavy("third"), day).stream()
                        .filter(s -> s.date().equals(day))
                        .map(StationHourShortfall::hour)
                        .collect(Collectors.toSet());

        assertThat(plannerShortHours).isNotEmpty();
        assertThat(checkedShortHours).isEqualTo(plannerShortHours);
    }

    @Test
    void checksOnlyTheDaysOfTheFlightFromTheFirstDayAsked() {
        List<StationHourShortfall> third =
                check.check(NETWORK, List.of(heavy("first"), heavy("second")), heavy("third"), MONDAY.plusDays(15));

        assertThat(third)
                .extracting(StationHourShortfall::date)
                .allSatisfy(date -> assertThat(date).isBetween(MONDAY.plusDays(15), MONDAY.plusDays(19)));
        assertThat(check.check(
                        NETWORK,
                        List.of(heavy("first"), heavy("second")),
                        heavy("third", MONDAY.plusDays(1), MONDAY.plusDays(3)),
                        AFTER_THE_PLAN))
                .as("a flight that ends at midnight before the first day asked has no day left to check")
                .isEmpty();
    }

    @Test
    void aNewVersionOfABookedCampaignReplacesItsOldOne() {
        assertThat(check.check(NETWORK, List.of(heavy("first"), heavy("second")), heavy("second"), AFTER_THE_PLAN))
                .isEmpty();
    }

    /**
     * Seeded books over two of the check's steps, with three stations over-sold for some days and a long booking on
     * four: a check resolving and solving on two threads finds exactly the shortfalls, in the same order, that a
     * check on one thread finds.
     */
    @Test
    void aCheckOnTwoThreadsAnswersWhatACheckOnOneThreadAnswers() {
        int shortfalls = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed * 104_729);
            Network network = SeededBooks.withOutages(random, 40);
            List<Campaign> book = new ArrayList<>(SeededBooks.book(random, 3 + random.nextInt(5), 40, 60));
            book.add(SeededBooks.campaign(
                    "over-" + seed,
                    CampaignKind.COMMERCIAL,
                    Targeting.stations("NKH", "HGH", "WGH"),
                    MONDAY.plusDays(4).atTime(9, 30),
                    MONDAY.plusDays(9).atStartOfDay(),
                    new Frequency.PerPeriod(3, 60),
                    List.of(690, 690),
                    DailyHours.ALL_DAY));
            Campaign proposed = SeededBooks.campaign(
                    "long-" + seed,
                    CampaignKind.COMMERCIAL,
                    Targeting.stations("NKH", "OHH", "HGH", "WGH"),
                    AFTER_THE_PLAN.atStartOfDay(),
                    AFTER_THE_PLAN.plusDays(100).atStartOfDay(),
                    Frequency.perHour(2),
                    List.of(30, 15),
                    DailyHours.ALL_DAY);

            List<StationHourShortfall> onOne = new FlightCheck(
                            new NetworkPlanner(new HourSolver(1), PsaPolicy.DEFAULT, 1))
                    .check(network, book, proposed, AFTER_THE_PLAN);
            List<StationHourShortfall> onTwo = new FlightCheck(
                            new NetworkPlanner(new HourSolver(1), PsaPolicy.DEFAULT, 2))
                    .check(network, book, proposed, AFTER_THE_PLAN);

            assertThat(onTwo).as("seed %d", seed).isEqualTo(onOne);
            shortfalls += onOne.size();
        }
        assertThat(shortfalls).isPositive();
    }

    @Test
    void theLastDayOfAFlightEndingAtMidnightIsTheDayBefore() {
        assertThat(FlightCheck.lastDay(heavy("first"))).isEqualTo(MONDAY.plusDays(19));
    }
}
