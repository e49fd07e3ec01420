package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.creative;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final int[] SPOTS = {5, 10, 15, 30};
    private static final Frequency[] FREQUENCIES = {
        new Frequency.PerPeriod(1, 60),
        new Frequency.PerPeriod(2, 60),
        new Frequency.PerPeriod(12, 60),
        new Frequency.PerPeriod(6, 5),
        new Frequency.PerDay(4),
        new Frequency.PerDay(7)
    };

    @Test
    void everyDayHasTheProblemsOfTheDistinctDayItRepeats() {
        int days = 0;
        int distinct = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            Network network = withOutages(random);
            List<Campaign> book = book(random, 3 + random.nextInt(6));
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
            List<Campaign> book = new ArrayList<>(book(random, 4));
            // three stations over-sold for some days, so that there are shortfalls to agree on; two of them (same
            // hours, same PSA share) are one class, whose shortfalls are found once for both
            Targeting three = Targeting.stations("NKH", "HGH", "WGH");
            book.add(campaign(
                    "over-" + seed,
                    CampaignKind.COMMERCIAL,
                    three,
                    MONDAY.plusDays(3).atTime(9, 30),
                    MONDAY.plusDays(6).atStartOfDay(),
                    new Frequency.PerPeriod(3, 60),
                    List.of(690, 690),
                    DailyHours.ALL_DAY));
            book.add(campaign(
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

    /** The small network with a screen or two out of service for some days, or retired. */
    private static Network withOutages(Random random) {
        List<Screen> screens = new ArrayList<>(NETWORK.screens());
        Map<String, List<OutOfService>> periods = new java.util.HashMap<>();
        for (int i = 0; i < random.nextInt(3); i++) {
            Screen screen = screens.get(random.nextInt(screens.size()));
            Station station = NETWORK.stationOf(screen);
            LocalDateTime from = MONDAY.plusDays(random.nextInt(DAYS)).atTime(random.nextInt(24), 15);
            OutOfService period = random.nextBoolean()
                    ? new OutOfService(
                            from.atZone(station.zone()).toInstant(),
                            from.plusHours(1 + random.nextInt(200))
                                    .atZone(station.zone())
                                    .toInstant())
                    : OutOfService.retired(from.atZone(station.zone()).toInstant());
            periods.put(screen.id(), List.of(period));
        }
        return new Network(NETWORK.stations(), screens, periods);
    }

    private static List<Campaign> book(Random random, int count) {
        List<Campaign> book = new ArrayList<>();
        book.add(SmallNetwork.filler());
        book.add(SmallNetwork.psaPool());
        for (int i = 0; i < count; i++) {
            LocalDateTime start =
                    MONDAY.minusDays(5).plusDays(random.nextInt(DAYS)).atStartOfDay();
            if (random.nextBoolean()) {
                start = start.plusMinutes(30L * random.nextInt(48));
            }
            LocalDateTime end = start.plusDays(3 + random.nextInt(60));
            List<Integer> spots = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(3); c++) {
                spots.add(SPOTS[random.nextInt(SPOTS.length)]);
            }
            Targeting targeting = switch (random.nextInt(3)) {
                case 0 -> Targeting.NETWORK;
                case 1 -> Targeting.provinces("江苏");
                default -> Targeting.stations("NKH", "HGH");
            };
            CampaignKind kind = random.nextInt(4) == 0 ? CampaignKind.PUBLIC_SERVICE : CampaignKind.COMMERCIAL;
            DailyHours hours = random.nextInt(3) == 0 ? DailyHours.parse("07:00-21:30") : DailyHours.ALL_DAY;
            book.add(campaign(
                    "c" + i,
                    kind,
                    targeting,
                    start,
                    end,
                    FREQUENCIES[random.nextInt(FREQUENCIES.length)],
                    spots,
                    hours));
        }
        return book;
    }

    private static Campaign campaign(
            String id,
            CampaignKind kind,
            Targeting targeting,
            LocalDateTime from,
            LocalDateTime to,
            Frequency frequency,
            List<Integer> spots,
            DailyHours hours) {
        List<WeightedCreative> creatives = new ArrayList<>();
        for (int i = 0; i < spots.size(); i++) {
            creatives.add(new WeightedCreative(creative(id + "-" + i, spots.get(i)), 1 + i));
        }
        return new Campaign(
                id,
                id,
                kind,
                "owner",
                "",
                creatives,
                targeting,
                new FlightWindow(from, to),
                hours,
                Optional.of(frequency),
                0,
                0);
    }
}
