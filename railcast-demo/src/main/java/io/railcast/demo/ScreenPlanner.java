package io.railcast.demo;

import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Hangs the screens: how many in each station, of which type, in which zone. */
final class ScreenPlanner {

    /** LCD frames and TV sets sell 5-minute loops; LED walls sell 10-minute loops. Both divide the hour. */
    static final LoopPolicy FRAME_LOOP = LoopPolicy.STANDARD;

    static final LoopPolicy LED_LOOP = new LoopPolicy(600, 5);

    static final String WAITING_HALL = "waiting-hall";
    static final String TICKET_HALL = "ticket-hall";
    static final String CONCOURSE = "concourse";
    static final String PLATFORM = "platform";

    private static final List<String> FRAME_ZONES = List.of(WAITING_HALL, TICKET_HALL, CONCOURSE, PLATFORM);
    private static final List<String> TV_ZONES = List.of(WAITING_HALL, TICKET_HALL);

    private ScreenPlanner() {}

    static List<Screen> plan(List<Site> sites, int total, Dice dice) {
        int[] wanted = sites.stream()
                .mapToInt(site -> wanted(site.station().tier(), dice))
                .toArray();
        int[] counts = scale(wanted, total);
        List<Screen> screens = new ArrayList<>(total);
        for (int i = 0; i < sites.size(); i++) {
            screens.addAll(hang(sites.get(i).station(), counts[i], dice));
        }
        return screens;
    }

    /** What a station of the tier would have before the network is scaled to the requested total. */
    private static int wanted(Tier tier, Dice dice) {
        return switch (tier) {
            case HUB -> dice.between(35, 45);
            case MAJOR -> dice.between(13, 17);
            case STANDARD -> dice.between(5, 8);
        };
    }

    /**
     * Scales the wanted counts to add up to {@code total} exactly, every station keeping at least one screen; what
     * rounding leaves over goes to the largest remainders.
     */
    static int[] scale(int[] wanted, int total) {
        int n = wanted.length;
        if (total < n) {
            throw new IllegalArgumentException(total + " screens cannot cover " + n + " stations");
        }
        long spare = total - n;
        long wantedSpare = 0;
        for (int w : wanted) {
            wantedSpare += w - 1;
        }
        int[] counts = new int[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long share = wantedSpare == 0 ? 0 : (wanted[i] - 1) * spare;
            counts[i] = 1 + (int) (wantedSpare == 0 ? 0 : share / wantedSpare);
            remainders[i] = wantedSpare == 0 ? 0 : share % wantedSpare;
            given += counts[i] - 1;
        }
        List<Integer> order = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i))
                .toList();
        for (int k = 0; given < spare; k = (k + 1) % n, given++) {
            counts[order.get(k)]++;
        }
        return counts;
    }

    private static List<Screen> hang(Station station, int count, Dice dice) {
        int led = Math.min(
                count - 1,
                switch (station.tier()) {
                    case HUB -> count >= 10 ? 2 : 1;
                    case MAJOR -> dice.between(1, 2);
                    case STANDARD -> 0;
                });
        int tv = (int) Math.round((count - led) * dice.fraction(0.08, 0.25));
        tv = Math.min(tv, count - led - 1);
        int lcd = count - led - tv;
        List<Screen> screens = new ArrayList<>(count);
        for (int i = 0; i < led; i++) {
            String zone = station.tier() == Tier.HUB && i == 0 ? CONCOURSE : WAITING_HALL;
            screens.add(screen(station, screens.size(), ScreenType.LED_LARGE, zone, LED_LOOP));
        }
        for (int i = 0; i < lcd; i++) {
            // Every station has at least one frame in the waiting hall: that is where passengers sit and look.
            String zone = i == 0 ? WAITING_HALL : dice.pick(FRAME_ZONES, 55, 15, 12, 18);
            screens.add(screen(station, screens.size(), ScreenType.LCD_FRAME, zone, FRAME_LOOP));
        }
        for (int i = 0; i < tv; i++) {
            screens.add(screen(station, screens.size(), ScreenType.TV_SET, dice.pick(TV_ZONES, 70, 30), FRAME_LOOP));
        }
        return screens;
    }

    private static Screen screen(Station station, int index, ScreenType type, String zone, LoopPolicy loop) {
        int number = index + 1;
        String id = station.code() + (number < 10 ? "-0" : "-") + number;
        return new Screen(id, station.code(), type, zone, loop);
    }
}
