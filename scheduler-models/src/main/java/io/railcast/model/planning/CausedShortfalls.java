package io.railcast.model.planning;

import io.railcast.model.schedule.Shortfall;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which shortfalls a booking causes: the station-hours short in the plan with it that are not short, or less short,
 * or short of other campaigns, in the plan without it. A shortfall that is there already (a full re-plan may leave
 * one) is not the booking's doing and does not refuse it.
 */
public final class CausedShortfalls {

    private CausedShortfalls() {}

    /** The shortfalls in {@code with} that {@code without} does not have, by station-hour. */
    public static List<StationHourShortfall> caused(List<Shortfall> without, List<StationHourShortfall> with) {
        record StationHour(String station, LocalDate date, int hour) {}
        /** The most seconds any campaign was already short of there, and which campaigns were. */
        record Before(int seconds, Set<String> campaigns) {}
        Map<StationHour, Before> before = new HashMap<>();
        without.forEach(s -> before.merge(
                new StationHour(s.station(), s.date(), s.hour()),
                new Before(s.missingSeconds(), Set.of(s.campaignId())),
                (a, b) -> {
                    Set<String> campaigns = new HashSet<>(a.campaigns());
                    campaigns.addAll(b.campaigns());
                    return new Before(Math.max(a.seconds(), b.seconds()), campaigns);
                }));
        return with.stream()
                .filter(s -> {
                    Before old = before.get(new StationHour(s.station(), s.date(), s.hour()));
                    return old == null
                            || s.shortSeconds() > old.seconds()
                            || !old.campaigns().containsAll(s.campaigns());
                })
                .toList();
    }

    /** Shortfalls per campaign gathered by station-hour, by date, hour and station. */
    static List<StationHourShortfall> byStationHour(List<Shortfall> shortfalls) {
        record StationHour(String station, LocalDate date, int hour) {}
        Map<StationHour, List<Shortfall>> grouped = new LinkedHashMap<>();
        for (Shortfall shortfall : shortfalls) {
            grouped.computeIfAbsent(
                            new StationHour(shortfall.station(), shortfall.date(), shortfall.hour()),
                            key -> new ArrayList<>())
                    .add(shortfall);
        }
        List<StationHourShortfall> result = new ArrayList<>();
        grouped.forEach((key, list) -> {
            Set<String> campaigns = new HashSet<>();
            int screens = 0;
            int seconds = 0;
            for (Shortfall s : list) {
                campaigns.add(s.campaignId());
                screens = Math.max(screens, s.screens());
                seconds = Math.max(seconds, s.missingSeconds());
            }
            result.add(new StationHourShortfall(key.station(), key.date(), key.hour(), screens, seconds, campaigns));
        });
        result.sort(Comparator.comparing(StationHourShortfall::date)
                .thenComparingInt(StationHourShortfall::hour)
                .thenComparing(StationHourShortfall::station));
        return result;
    }
}
