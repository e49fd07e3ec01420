package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Network;
import io.railcast.model.network.Station;
import io.railcast.model.solver.HourProblem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    @Test
    void everyStationHourIsTheSumOfItsGroupsProblems() {
        long sold = 0;
        long held = 0;
        for (long seed = 1; seed <= 25; seed++) {
            Random random = new Random(seed);
            Network network = SeededBooks.withOutages(random, DAYS);
            List<Campaign> book = SeededBooks.book(random, 3 + random.nextInt(6), DAYS, 40);
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
}
