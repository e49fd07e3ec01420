package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.network.Station;
import io.railcast.model.solver.PlayWindow;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a contracted campaign owes across a station's day: its windows and plays in each clock hour, per-day plays
 * apportioned to hours, and how many plays come before an hour (for its creative rotation). Caches per station,
 * campaign and day; not thread-safe.
 */
final class DailyPlays {

    private record DayKey(String station, String campaign, LocalDate day) {}

    private record LastDay(String station, LocalDate day, int[] owed) {}

    private final Function<Campaign, CampaignCalendar> calendars;
    private final Map<DayKey, int[]> perDayOwed = new HashMap<>();
    /** Each per-day campaign's last operating day asked for, by identity: a day's 24 hours ask for the same one. */
    private final Map<Campaign, LastDay> lastOwed = new IdentityHashMap<>();

    private final Map<DayKey, int[]> playsBeforeHour = new HashMap<>();

    DailyPlays(Function<Campaign, CampaignCalendar> calendars) {
        this.calendars = calendars;
    }

    /** The windows of one hour in which a contracted campaign owes plays, each with its count. */
    List<PlayWindow> windows(Station station, Campaign campaign, SecondRange active, LocalDate date, int hour) {
        List<PlayWindow> windows = new ArrayList<>();
        Frequency frequency = campaign.frequency().orElseThrow();
        if (frequency instanceof Frequency.PerPeriod perPeriod) {
            int period = perPeriod.periodSeconds();
            for (int from = 0; from < SecondRange.HOUR; from += period) {
                SecondRange covered = active.intersect(new SecondRange(from, from + period));
                int plays = covered.isEmpty() ? 0 : perPeriod.playsOwed(covered.length());
                if (plays > 0) {
                    windows.add(new PlayWindow(covered.from(), covered.to(), plays));
                }
            }
        } else {
            int plays = owedPerDay(station, campaign, (Frequency.PerDay) frequency, date, hour);
            if (plays > 0) {
                windows.add(new PlayWindow(active.from(), active.to(), plays));
            }
        }
        return windows;
    }

    /**
     * Where this hour's first play stands in the campaign's endless creative rotation at this station: one day's
     * plays for every day since the epoch, plus the plays earlier today. The rotation so runs on unbroken from hour
     * to hour and day to day, whatever the campaign's daily hours, and weights hold over any stretch of its flight.
     */
    long playsBefore(Station station, Campaign campaign, LocalDate date, int hour) {
        int[] before = playsUpToHour(station, campaign, date);
        return date.toEpochDay() * before[24] + before[hour];
    }

    /** The campaign's plays at the station in the 24 clock hours of {@code date}. */
    int playsOn(Station station, Campaign campaign, LocalDate date) {
        return playsUpToHour(station, campaign, date)[24];
    }

    private int[] playsUpToHour(Station station, Campaign campaign, LocalDate date) {
        return playsBeforeHour.computeIfAbsent(new DayKey(station.code(), campaign.id(), date), key -> {
            int[] prefix = new int[25];
            CampaignCalendar calendar = calendars.apply(campaign);
            for (int h = 0; h < 24; h++) {
                SecondRange active = calendar.active(station, date, h);
                int plays = 0;
                if (!active.isEmpty()) {
                    for (PlayWindow window : windows(station, campaign, active, date, h)) {
                        plays += window.plays();
                    }
                }
                prefix[h + 1] = prefix[h] + plays;
            }
            return prefix;
        });
    }

    /**
     * Plays of a per-day campaign owed in one hour: the day's plays are apportioned to its hours in proportion to
     * the campaign's active seconds, rounding the running total (so they add up to exactly n a day).
     */
    int owedPerDay(Station station, Campaign campaign, Frequency.PerDay perDay, LocalDate date, int hour) {
        int startHour = OnAirHours.operatingDayStartHour(station);
        LocalDate operatingDay = hour >= startHour ? date : date.minusDays(1);
        int index = hour >= startHour ? hour - startHour : hour + 24 - startHour;
        LastDay last = lastOwed.get(campaign);
        if (last != null && last.station().equals(station.code()) && last.day().equals(operatingDay)) {
            return last.owed()[index];
        }
        int[] owed = perDayOwed.computeIfAbsent(new DayKey(station.code(), campaign.id(), operatingDay), key -> {
            long[] cumulative = new long[24];
            long total = 0;
            for (int i = 0; i < 24; i++) {
                int h = (startHour + i) % 24;
                LocalDate d = startHour + i < 24 ? operatingDay : operatingDay.plusDays(1);
                total += calendars.apply(campaign).active(station, d, h).length();
                cumulative[i] = total;
            }
            int[] perHour = new int[24];
            long before = 0;
            for (int i = 0; i < 24 && total > 0; i++) {
                long upTo = (perDay.plays() * cumulative[i] + total / 2) / total;
                perHour[i] = (int) (upTo - before);
                before = upTo;
            }
            return perHour;
        });
        lastOwed.put(campaign, new LastDay(station.code(), operatingDay, owed));
        return owed[index];
    }
}
