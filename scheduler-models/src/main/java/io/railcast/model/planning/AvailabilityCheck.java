package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.schedule.Shortfall;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers before a booking is accepted whether it fits, by planning the hours it touches with it included: the
 * answer is exactly what the planner would do, capacity and category separation alike. A booking that takes plays
 * from another contract is short as well, so overbooking is found wherever it lands.
 */
public final class AvailabilityCheck {

    private final NetworkPlanner planner;

    public AvailabilityCheck(NetworkPlanner planner) {
        this.planner = planner;
    }

    /** Checks {@code proposed}, a new campaign or a new version of one already in {@code current}. */
    public Availability check(PlanResult current, Campaign proposed) {
        List<Campaign> campaigns = new ArrayList<>();
        current.campaigns().stream().filter(c -> !c.id().equals(proposed.id())).forEach(campaigns::add);
        campaigns.add(proposed);
        PlanResult tentative = planner.replan(current, campaigns, Set.of(proposed.id()));
        return new Availability(byStationHour(tentative.schedule().shortfalls()), tentative);
    }

    private static List<StationHourShortfall> byStationHour(List<Shortfall> shortfalls) {
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
