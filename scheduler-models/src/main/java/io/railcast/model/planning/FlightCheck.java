package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.model.schedule.Shortfall;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a booking fits on the days of its flight past the plan in memory, however far ahead. Those days are
 * planned by the same {@link NetworkPlanner} that will plan them when they come, for the screens the booking targets
 * only (a screen group's hour problem is made of its own station and the campaigns that target it, so the rest of
 * the network changes nothing there), {@value #DAYS_PER_STEP} days at a time: with the booking, and where that leaves
 * contracted plays short, without it too; the shortfalls the booking adds ({@link CausedShortfalls}) are its own.
 * Only the shortfalls are kept, not the screens' schedules, and an hour problem met again on a later day (most days
 * of a long flight repeat) is not solved again ({@link SolvedHours}): memory stays that of a week of the targeted
 * screens' hour problems and of the distinct ones solved.
 */
public final class FlightCheck {

    static final int DAYS_PER_STEP = 7;

    private final NetworkPlanner planner;

    public FlightCheck(NetworkPlanner planner) {
        this.planner = planner;
    }

    /**
     * The station-hours from {@code firstDay} to the last day of {@code proposed}'s flight that it would leave short.
     *
     * @param campaigns the campaigns booked now ({@code proposed}'s earlier version among them is replaced)
     */
    public List<StationHourShortfall> check(
            Network network, List<Campaign> campaigns, Campaign proposed, LocalDate firstDay) {
        LocalDate from = later(firstDay, proposed.flight().start().toLocalDate());
        LocalDate to = lastDay(proposed);
        Network targeted = targeted(network, proposed);
        if (from.isAfter(to) || targeted.screens().isEmpty()) {
            return List.of();
        }
        List<Campaign> without =
                campaigns.stream().filter(c -> !c.id().equals(proposed.id())).toList();
        List<Campaign> with = new ArrayList<>(without);
        with.add(proposed);
        List<StationHourShortfall> caused = new ArrayList<>();
        SolvedHours solved = new SolvedHours();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(DAYS_PER_STEP)) {
            int days = (int) Math.min(DAYS_PER_STEP, ChronoUnit.DAYS.between(day, to) + 1);
            List<Shortfall> planned = planner.shortfalls(targeted, with, day, days, solved);
            if (planned.isEmpty()) {
                continue;
            }
            List<Shortfall> before = planner.shortfalls(targeted, without, day, days, solved);
            caused.addAll(CausedShortfalls.caused(before, CausedShortfalls.byStationHour(planned)));
        }
        return caused;
    }

    /** The last local date on which the flight has airtime (a flight ending at midnight ends the day before). */
    public static LocalDate lastDay(Campaign campaign) {
        return campaign.flight().end().minusNanos(1).toLocalDate();
    }

    /** The stations and screens {@code campaign} can play on, with their periods out of service. */
    private static Network targeted(Network network, Campaign campaign) {
        Map<String, Station> stations = new LinkedHashMap<>();
        List<Screen> screens = new ArrayList<>();
        for (Screen screen : network.screens()) {
            Station station = network.stationOf(screen);
            if (campaign.targeting().matches(station, screen)
                    && !campaign.creativesFor(screen.type()).isEmpty()) {
                stations.put(station.code(), station);
                screens.add(screen);
            }
        }
        Map<String, List<OutOfService>> periods = new LinkedHashMap<>();
        screens.forEach(screen -> {
            if (!network.outOfService(screen.id()).isEmpty()) {
                periods.put(screen.id(), network.outOfService(screen.id()));
            }
        });
        return new Network(stations.values(), screens, periods);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
