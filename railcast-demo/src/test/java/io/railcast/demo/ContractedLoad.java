package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes, screen by screen and hour by hour, the contracted airtime of a scenario, without the generator's
 * ledger: a campaign takes a whole hour's plays in every hour its flight, daily hours and the station's hours meet,
 * each play as long as its longest creative for the screen type; plays a day are spread over the active time.
 */
final class ContractedLoad {

    private final Map<String, Integer> screenIndex = new HashMap<>();
    private final int hours;
    /** Per screen and hour of the horizon: seconds, 5-minute window peak in twelfths of a second. */
    private final int[][] seconds;

    private final int[][] windowTwelfths;
    private final Map<String, int[][]> categorySeconds = new HashMap<>();

    ContractedLoad(Network network, List<Campaign> campaigns, LocalDate firstDay, int days) {
        List<Screen> screens = List.copyOf(network.screens());
        for (int i = 0; i < screens.size(); i++) {
            screenIndex.put(screens.get(i).id(), i);
        }
        this.hours = days * 24;
        this.seconds = new int[screens.size()][hours];
        this.windowTwelfths = new int[screens.size()][hours];
        LocalDateTime start = firstDay.atStartOfDay();
        for (Campaign campaign : campaigns) {
            if (campaign.frequency().isEmpty()) {
                continue;
            }
            boolean[] inFlight = new boolean[hours];
            for (int h = 0; h < hours; h++) {
                inFlight[h] = campaign.flight().overlaps(start.plusHours(h), start.plusHours(h + 1));
            }
            for (Station station : network.stations()) {
                List<Screen> targeted = network.screensAt(station.code()).stream()
                        .filter(screen -> campaign.targeting().matches(station, screen))
                        .toList();
                if (!targeted.isEmpty()) {
                    add(campaign, station, targeted, inFlight);
                }
            }
        }
    }

    private void add(Campaign campaign, Station station, List<Screen> screens, boolean[] inFlight) {
        int activePerDay = 0;
        boolean[] activeHour = new boolean[24];
        for (int hour = 0; hour < 24; hour++) {
            SecondRange campaignPart = campaign.dailyHours().within(hour).orElse(SecondRange.EMPTY);
            SecondRange openPart = station.operatingHours().within(hour).orElse(SecondRange.EMPTY);
            int overlap = campaignPart.intersect(openPart).length();
            activeHour[hour] = overlap > 0;
            activePerDay += overlap;
        }
        Frequency frequency = campaign.frequency().orElseThrow();
        int perHour = frequency instanceof Frequency.PerPeriod p
                ? p.plays() * 60 / p.periodMinutes()
                : activePerDay == 0 ? 0 : (int) Math.ceil(frequency.plays() * 3600.0 / activePerDay);
        for (Screen screen : screens) {
            int longest = campaign.creativesFor(screen.type()).stream()
                    .mapToInt(wc -> wc.creative().durationSeconds())
                    .max()
                    .orElseThrow();
            int i = screenIndex.get(screen.id());
            for (int h = 0; h < hours; h++) {
                if (!activeHour[h % 24] || !inFlight[h]) {
                    continue;
                }
                seconds[i][h] += perHour * longest;
                // In twelfths: an hourly average per 5 minutes, or the whole plays pinned into every window.
                windowTwelfths[i][h] +=
                        perHour >= 12 ? (int) Math.ceil(perHour / 12.0) * longest * 12 : perHour * longest;
                if (campaign.hasExclusiveCategory()) {
                    categorySeconds.computeIfAbsent(campaign.category(), c -> new int[seconds.length][hours])[i][h] +=
                            perHour * longest;
                }
            }
        }
    }

    int peakSeconds() {
        return peak(seconds);
    }

    int peakWindowTwelfths() {
        return peak(windowTwelfths);
    }

    int peakCategorySeconds() {
        return categorySeconds.values().stream()
                .mapToInt(ContractedLoad::peak)
                .max()
                .orElse(0);
    }

    private static int peak(int[][] load) {
        int peak = 0;
        for (int[] screen : load) {
            for (int value : screen) {
                peak = Math.max(peak, value);
            }
        }
        return peak;
    }
}
