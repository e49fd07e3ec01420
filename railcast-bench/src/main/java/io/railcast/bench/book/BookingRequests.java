package io.railcast.bench.book;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Seeded booking requests of every shape a media planner sells, with flights spread over the months asked. */
final class BookingRequests {

    /** Where a request plays: the whole network, a bureau, a province or one station. */
    enum Reach {
        NATIONAL,
        BUREAU,
        PROVINCE,
        STATION
    }

    /** A request and its reach, for figures by shape. */
    record Request(Campaign campaign, Reach reach) {}

    private static final int[] SPOT_SECONDS = {5, 10, 15, 20, 30};
    private static final Frequency[] FREQUENCIES = {
        new Frequency.PerPeriod(1, 60),
        new Frequency.PerPeriod(2, 60),
        new Frequency.PerPeriod(12, 60),
        new Frequency.PerPeriod(6, 5),
        new Frequency.PerDay(4)
    };
    private static final String[] CATEGORIES = {"", "", "", "", "automotive", "telecom"};

    private BookingRequests() {}

    static List<Request> generate(Network network, long seed, int count, LocalDate firstDay, int months) {
        Random random = new Random(seed);
        List<Station> stations = new ArrayList<>(network.stations());
        List<String> provinces =
                stations.stream().map(Station::province).distinct().sorted().toList();
        List<String> bureaus =
                stations.stream().map(Station::bureau).distinct().sorted().toList();
        LocalDate horizonEnd = firstDay.plusMonths(months);
        int horizonDays = (int) (horizonEnd.toEpochDay() - firstDay.toEpochDay());
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(20);
            Reach reach =
                    pick < 2 ? Reach.NATIONAL : pick < 5 ? Reach.BUREAU : pick < 10 ? Reach.PROVINCE : Reach.STATION;
            Targeting targeting = switch (reach) {
                case NATIONAL -> Targeting.NETWORK;
                case BUREAU -> Targeting.bureaus(bureaus.get(random.nextInt(bureaus.size())));
                case PROVINCE -> Targeting.provinces(provinces.get(random.nextInt(provinces.size())));
                case STATION ->
                    Targeting.stations(
                            stations.get(random.nextInt(stations.size())).code());
            };
            int longest = switch (reach) {
                case NATIONAL -> 28;
                case BUREAU, PROVINCE -> 91;
                case STATION -> 365;
            };
            LocalDate start = firstDay.plusDays(1 + random.nextInt(horizonDays - 1));
            int length = 7 + random.nextInt(longest - 6);
            LocalDate end = start.plusDays(length);
            if (end.isAfter(horizonEnd)) {
                end = horizonEnd;
            }
            boolean publicService = random.nextInt(5) == 0;
            int seconds = SPOT_SECONDS[random.nextInt(SPOT_SECONDS.length)];
            String id = "REQ-" + (i + 1);
            Creative creative = new Creative(
                    id + "-a", seconds, EnumSet.allOf(ScreenType.class), "media/" + id + ".mp4", "0".repeat(64), 1);
            Campaign campaign = new Campaign(
                    id,
                    id,
                    publicService ? CampaignKind.PUBLIC_SERVICE : CampaignKind.COMMERCIAL,
                    "bench",
                    publicService ? "" : CATEGORIES[random.nextInt(CATEGORIES.length)],
                    List.of(new WeightedCreative(creative, 1)),
                    targeting,
                    new FlightWindow(start.atStartOfDay(), end.atStartOfDay()),
                    DailyHours.ALL_DAY,
                    Optional.of(FREQUENCIES[random.nextInt(FREQUENCIES.length)]),
                    publicService ? 50 : random.nextInt(100),
                    publicService ? 0 : 100_000L * (1 + random.nextInt(50)));
            requests.add(new Request(campaign, reach));
        }
        return requests;
    }
}
