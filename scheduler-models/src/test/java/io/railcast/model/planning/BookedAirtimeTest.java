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
import io.railcast.model.solver.HourProblem;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link BookedAirtime} against the brute-force sum it stands for: every screen group, every day, every hour, the
 * resolver's own problem, on seeded books of every shape (flights starting and ending mid-day, per-day and per-period
 * frequencies, rotations of uneven spots, daily hours, stations open past midnight, screens out of service, holds).
 */
class BookedAirtimeTest {

    private static final int DAYS = 45;
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
    void everyStationHourIsTheSumOfItsGroupsProblems() {
        long sold = 0;
        long held = 0;
        for (long seed = 1; seed <= 25; seed++) {
            Random random = new Random(seed);
            Network network = withOutages(random);
            List<Campaign> book = book(random, 3 + random.nextInt(6));
            Set<String> holds = new HashSet<>();
            book.stream()
                    .filter(c -> c.id().startsWith("c") && random.nextInt(3) == 0)
                    .forEach(c -> holds.add(c.id()));
            LocalDate first = MONDAY.plusDays(random.nextInt(10));

            StationAirtime found = new BookedAirtime(PsaPolicy.DEFAULT, 2).of(network, book, holds, first, DAYS);

            Map<String, long[]> expected = bruteForce(network, book, holds, first);
            for (Station station : network.stations()) {
                long[] sums = expected.getOrDefault(station.code(), new long[DAYS * 24 * 3]);
                for (int day = 0; day < DAYS; day++) {
                    for (int hour = 0; hour < 24; hour++) {
                        int at = (day * 24 + hour) * 3;
                        StationAirtime.Airtime airtime = found.hour(station.code(), first.plusDays(day), hour);
                        assertThat(airtime)
                                .as("seed %d %s day %d hour %d", seed, station.code(), day, hour)
                                .isEqualTo(new StationAirtime.Airtime(sums[at], sums[at + 1], sums[at + 2]));
                        sold += airtime.soldSeconds();
                        held += airtime.heldSeconds();
                    }
                }
            }
        }
        assertThat(sold).isPositive();
        assertThat(held).isPositive();
    }

    @Test
    void aStationDayIsItsHoursAndNothingOutsideIsCounted() {
        Campaign spot = SmallNetwork.campaign(
                "spot",
                CampaignKind.COMMERCIAL,
                Targeting.stations("NKH"),
                MONDAY.plusDays(100).atStartOfDay(),
                MONDAY.plusDays(102).atStartOfDay(),
                new Frequency.PerPeriod(2, 60),
                15);
        LocalDate first = MONDAY.plusDays(90);
        StationAirtime airtime = new BookedAirtime(PsaPolicy.DEFAULT, 2)
                .of(NETWORK, List.of(SmallNetwork.filler(), spot), Set.of(), first, 31);

        StationAirtime.Airtime day = airtime.day("NKH", MONDAY.plusDays(100));
        // 05:30-00:30: 18 whole hours open plus two half hours (on air 19 h), three screens, two 15 s plays an hour
        assertThat(day.onAirSeconds()).isEqualTo(3L * 19 * 3600);
        assertThat(day.soldSeconds()).isEqualTo(3L * 2 * 15 * 18 + 3L * 15 * 2);
        assertThat(airtime.day("NKH", MONDAY.plusDays(99)).soldSeconds()).isZero();
        assertThat(airtime.day("HGH", MONDAY.plusDays(100)).soldSeconds()).isZero();
        assertThat(airtime.day("NKH", first.minusDays(1))).isEqualTo(StationAirtime.Airtime.NONE);
    }

    /** Per station, day and hour: on air, sold and held, from the resolver's problem of every group-hour. */
    private static Map<String, long[]> bruteForce(
            Network network, List<Campaign> book, Set<String> holds, LocalDate first) {
        HourProblemResolver resolver = new HourProblemResolver(PsaPolicy.DEFAULT);
        Map<String, long[]> sums = new HashMap<>();
        int[] one = new int[3];
        for (ScreenGroup group : ScreenGroups.of(network, book).values()) {
            long[] station = sums.computeIfAbsent(group.station().code(), code -> new long[DAYS * 24 * 3]);
            for (int day = 0; day < DAYS; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    HourProblem problem = resolver.resolve(group, first.plusDays(day), hour);
                    java.util.Arrays.fill(one, 0);
                    BookedAirtime.count(problem, holds, one, 0);
                    for (int i = 0; i < 3; i++) {
                        station[(day * 24 + hour) * 3 + i] +=
                                (long) group.screens().size() * one[i];
                    }
                }
            }
        }
        return sums;
    }

    /** The small network with a screen or two out of service for some days, or retired. */
    private static Network withOutages(Random random) {
        List<Screen> screens = new ArrayList<>(NETWORK.screens());
        Map<String, List<OutOfService>> periods = new HashMap<>();
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
            LocalDateTime end = start.plusDays(3 + random.nextInt(40));
            List<WeightedCreative> creatives = new ArrayList<>();
            for (int c = 0; c < 1 + random.nextInt(3); c++) {
                creatives.add(
                        new WeightedCreative(creative("c" + i + "-" + c, SPOTS[random.nextInt(SPOTS.length)]), 1 + c));
            }
            Targeting targeting = switch (random.nextInt(3)) {
                case 0 -> Targeting.NETWORK;
                case 1 -> Targeting.provinces("江苏");
                default -> Targeting.stations("NKH", "HGH");
            };
            CampaignKind kind = random.nextInt(4) == 0 ? CampaignKind.PUBLIC_SERVICE : CampaignKind.COMMERCIAL;
            DailyHours hours = random.nextInt(3) == 0 ? DailyHours.parse("07:00-21:30") : DailyHours.ALL_DAY;
            book.add(new Campaign(
                    "c" + i,
                    "c" + i,
                    kind,
                    "owner",
                    "",
                    creatives,
                    targeting,
                    new FlightWindow(start, end),
                    hours,
                    Optional.of(FREQUENCIES[random.nextInt(FREQUENCIES.length)]),
                    0,
                    0));
        }
        return book;
    }
}
