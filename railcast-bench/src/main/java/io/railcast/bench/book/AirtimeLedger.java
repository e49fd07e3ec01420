package io.railcast.bench.book;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.model.planning.FlightCheck;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer: what a commercial availability check commonly does. A booking fits when, on every screen-day of its
 * flight, the seconds sold stay within the screen's on-air seconds; the hour, spacing, separation and PSA share are
 * not looked at.
 */
final class AirtimeLedger {

    private final Network network;
    private final List<Screen> screens;
    private final LocalDate firstDay;
    private final long[][] sold;

    AirtimeLedger(Network network, LocalDate firstDay, int days) {
        this.network = network;
        this.screens = new ArrayList<>(network.screens());
        this.firstDay = firstDay;
        this.sold = new long[screens.size()][days];
    }

    /** Books {@code campaign} when it fits on every screen-day of its flight inside the ledger; says whether it did. */
    boolean book(Campaign campaign) {
        List<int[]> cells = new ArrayList<>();
        List<Long> needs = new ArrayList<>();
        LocalDate last = FlightCheck.lastDay(campaign);
        for (int s = 0; s < screens.size(); s++) {
            Screen screen = screens.get(s);
            Station station = network.stationOf(screen);
            if (!campaign.targeting().matches(station, screen)
                    || campaign.creativesFor(screen.type()).isEmpty()) {
                continue;
            }
            long onAir = onAirSeconds(station, campaign);
            long need = secondsPerDay(campaign, screen, onAir);
            for (LocalDate day = campaign.flight().start().toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                int d = (int) (day.toEpochDay() - firstDay.toEpochDay());
                if (d < 0 || d >= sold[s].length) {
                    continue;
                }
                if (sold[s][d] + need > onAir) {
                    return false;
                }
                cells.add(new int[] {s, d});
                needs.add(need);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            sold[cells.get(i)[0]][cells.get(i)[1]] += needs.get(i);
        }
        return true;
    }

    private static long onAirSeconds(Station station, Campaign campaign) {
        long operating = station.operatingHours().length().toSeconds();
        long daily = campaign.dailyHours().length().toSeconds();
        return Math.min(operating == 0 ? 86_400 : operating, daily == 0 ? 86_400 : daily);
    }

    private static long secondsPerDay(Campaign campaign, Screen screen, long onAir) {
        List<WeightedCreative> creatives = campaign.creativesFor(screen.type());
        double spot = creatives.stream()
                .mapToDouble(c -> c.creative().durationSeconds())
                .average()
                .orElse(0);
        Frequency frequency = campaign.frequency().orElse(null);
        if (frequency instanceof Frequency.PerPeriod period) {
            return Math.round(period.plays() * (onAir / (double) period.periodSeconds()) * spot);
        }
        if (frequency instanceof Frequency.PerDay day) {
            return Math.round(day.plays() * spot);
        }
        return 0;
    }
}
