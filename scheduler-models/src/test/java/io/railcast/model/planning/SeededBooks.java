package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.creative;

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
import io.railcast.model.time.DailyHours;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Seeded books and outages on the small network, for the tests that check a model rule on every shape of book. */
final class SeededBooks {

    private static final int[] SPOTS = {5, 10, 15, 30};
    private static final Frequency[] FREQUENCIES = {
        new Frequency.PerPeriod(1, 60),
        new Frequency.PerPeriod(2, 60),
        new Frequency.PerPeriod(12, 60),
        new Frequency.PerPeriod(6, 5),
        new Frequency.PerDay(4),
        new Frequency.PerDay(7)
    };

    private SeededBooks() {}

    /** The small network with a screen or two out of service for some days, or retired. */
    static Network withOutages(Random random, int days) {
        List<Screen> screens = new ArrayList<>(NETWORK.screens());
        Map<String, List<OutOfService>> periods = new HashMap<>();
        for (int i = 0; i < random.nextInt(3); i++) {
            Screen screen = screens.get(random.nextInt(screens.size()));
            Station station = NETWORK.stationOf(screen);
            LocalDateTime from = MONDAY.plusDays(random.nextInt(days)).atTime(random.nextInt(24), 15);
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

    /**
     * Filler, a PSA pool and {@code count} seeded campaigns of every shape: flights starting within {@code days} of
     * {@link SmallNetwork#MONDAY} (some mid-day) and lasting 3 days to {@code longest} more, per-day and per-period
     * frequencies, one to three creatives of uneven spots and weights, daily hours or all day.
     */
    static List<Campaign> book(Random random, int count, int days, int longest) {
        List<Campaign> book = new ArrayList<>();
        book.add(SmallNetwork.filler());
        book.add(SmallNetwork.psaPool());
        for (int i = 0; i < count; i++) {
            LocalDateTime start =
                    MONDAY.minusDays(5).plusDays(random.nextInt(days)).atStartOfDay();
            if (random.nextBoolean()) {
                start = start.plusMinutes(30L * random.nextInt(48));
            }
            LocalDateTime end = start.plusDays(3 + random.nextInt(longest));
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

    static Campaign campaign(
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
