package io.railcast.server.planning;

import io.railcast.model.planning.Availability;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.StationHourShortfall;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer to "does this booking fit?", as the API gives it (200 for the availability check, the body of the 409
 * that refuses a booking).
 *
 * @param fits         whether every contracted play of the plan still has its place with the booking in it
 * @param shortSeconds contracted airtime that would be missing, summed over screens
 * @param stationHours how many station-hours are short; {@code shortfalls} lists at most {@value #LISTED}
 * @param shortfalls   the station-hours that would be short, by date, hour and station
 * @param firstDay     the first day checked: capacity is known for the planning horizon only
 * @param days         how many days were checked
 */
public record AvailabilityAnswer(
        boolean fits, long shortSeconds, int stationHours, List<Shortfall> shortfalls, LocalDate firstDay, int days) {

    static final int LISTED = 500;

    /**
     * One station-hour that would be short.
     *
     * @param screens      on how many of the station's screens
     * @param shortSeconds contracted seconds missing per screen
     * @param campaigns    whose plays would be missing, sorted
     */
    public record Shortfall(
            String station, LocalDate date, int hour, int screens, int shortSeconds, List<String> campaigns) {}

    static AvailabilityAnswer of(List<StationHourShortfall> shortfalls, LocalDate firstDay, int days) {
        long seconds = shortfalls.stream()
                .mapToLong(s -> (long) s.shortSeconds() * s.screens())
                .sum();
        List<Shortfall> listed = shortfalls.stream()
                .limit(LISTED)
                .map(s -> new Shortfall(
                        s.station(),
                        s.date(),
                        s.hour(),
                        s.screens(),
                        s.shortSeconds(),
                        s.campaigns().stream().sorted().toList()))
                .toList();
        return new AvailabilityAnswer(shortfalls.isEmpty(), seconds, shortfalls.size(), listed, firstDay, days);
    }

    /**
     * The answer for a booking: the shortfalls it would cause: station-hours short in the tentative plan that are not short, or
     * less short, or short of other campaigns, in the current one. A shortfall that is there already (a full
     * re-plan may leave one) is not this booking's doing and does not refuse it.
     */
    static AvailabilityAnswer caused(PlanResult current, Availability availability) {
        record StationHour(String station, LocalDate date, int hour) {}
        /** The most seconds any campaign was already short of there, and which campaigns were. */
        record Before(int seconds, Set<String> campaigns) {}
        Map<StationHour, Before> before = new HashMap<>();
        current.schedule()
                .shortfalls()
                .forEach(s -> before.merge(
                        new StationHour(s.station(), s.date(), s.hour()),
                        new Before(s.missingSeconds(), Set.of(s.campaignId())),
                        (a, b) -> {
                            Set<String> campaigns = new HashSet<>(a.campaigns());
                            campaigns.addAll(b.campaigns());
                            return new Before(Math.max(a.seconds(), b.seconds()), campaigns);
                        }));
        List<StationHourShortfall> caused = availability.shortfalls().stream()
                .filter(s -> {
                    Before old = before.get(new StationHour(s.station(), s.date(), s.hour()));
                    return old == null
                            || s.shortSeconds() > old.seconds()
                            || !old.campaigns().containsAll(s.campaigns());
                })
                .toList();
        return of(caused, current.schedule().firstDay(), current.schedule().days());
    }

    /** The members of the 409 problem that refuses a booking, beside the standard ones. */
    Map<String, Object> asProblemMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("fits", fits);
        members.put("shortSeconds", shortSeconds);
        members.put("stationHours", stationHours);
        members.put("shortfalls", shortfalls);
        members.put("firstDay", firstDay);
        members.put("days", days);
        return members;
    }
}
