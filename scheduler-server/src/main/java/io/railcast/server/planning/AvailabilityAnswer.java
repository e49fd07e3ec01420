package io.railcast.server.planning;

import io.railcast.model.planning.StationHourShortfall;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answer to "does this booking fit?", as the API gives it (200 for the availability check, the body of the 409
 * that refuses a booking).
 *
 * @param fits         whether every contracted play of the plan still has its place with the booking in it
 * @param shortSeconds contracted airtime that would be missing, summed over screens
 * @param stationHours how many station-hours are short; {@code shortfalls} lists at most {@value #LISTED}
 * @param shortfalls   the station-hours that would be short, by date, hour and station
 * @param byStation    the same station-hours gathered by station: a long flight's answer stays readable
 * @param firstDay     the first day checked (today)
 * @param days         how many days were checked: the planning horizon, and for a contracted campaign every day of
 *                     its flight after it
 */
public record AvailabilityAnswer(
        boolean fits,
        long shortSeconds,
        int stationHours,
        List<Shortfall> shortfalls,
        List<StationShortfall> byStation,
        LocalDate firstDay,
        int days) {

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

    /**
     * Where one station would be short.
     *
     * @param from         the first date short
     * @param to           the last date short
     * @param stationHours how many of its hours are short between them
     * @param shortSeconds contracted airtime missing there, summed over screens
     * @param campaigns    whose plays would be missing, sorted
     */
    public record StationShortfall(
            String station,
            LocalDate from,
            LocalDate to,
            int stationHours,
            long shortSeconds,
            List<String> campaigns) {}

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
        return new AvailabilityAnswer(
                shortfalls.isEmpty(), seconds, shortfalls.size(), listed, byStation(shortfalls), firstDay, days);
    }

    private static List<StationShortfall> byStation(List<StationHourShortfall> shortfalls) {
        Map<String, List<StationHourShortfall>> grouped = new TreeMap<>();
        shortfalls.forEach(s ->
                grouped.computeIfAbsent(s.station(), key -> new ArrayList<>()).add(s));
        List<StationShortfall> stations = new ArrayList<>();
        grouped.forEach((station, list) -> {
            Set<String> campaigns = new TreeSet<>();
            list.forEach(s -> campaigns.addAll(s.campaigns()));
            stations.add(new StationShortfall(
                    station,
                    list.stream()
                            .map(StationHourShortfall::date)
                            .min(LocalDate::compareTo)
                            .orElseThrow(),
                    list.stream()
                            .map(StationHourShortfall::date)
                            .max(LocalDate::compareTo)
                            .orElseThrow(),
                    list.size(),
                    list.stream()
                            .mapToLong(s -> (long) s.shortSeconds() * s.screens())
                            .sum(),
                    List.copyOf(campaigns)));
        });
        return stations;
    }

    /** The members of the 409 problem that refuses a booking, beside the standard ones. */
    Map<String, Object> asProblemMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("fits", fits);
        members.put("shortSeconds", shortSeconds);
        members.put("stationHours", stationHours);
        members.put("shortfalls", shortfalls);
        members.put("byStation", byStation);
        members.put("firstDay", firstDay);
        members.put("days", days);
        return members;
    }
}
