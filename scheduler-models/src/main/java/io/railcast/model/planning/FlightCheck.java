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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a booking fits on the days of its flight past the plan in memory, however far ahead. Those days are
 * planned by the same {@link NetworkPlanner} that will plan them when they come, for the screens the booking targets
 * only (a screen group's hour problem is made of its own station and the campaigns that target it, so the rest of
 * the network changes nothing there), {@value #DAYS_PER_STEP} days at a time: with the booking, and where that leaves
 * contracted plays short, without it too, at the stations concerned; the shortfalls the booking adds
 * ({@link CausedShortfalls}) are its own. Only the shortfalls are kept, not the screens' schedules; a group's days
 * that repeat an earlier one ({@link RepeatingDays}) are neither resolved nor solved again, nor is an hour problem
 * met before, in this check or an earlier one ({@link SolvedHours}): memory stays that of a quarter's distinct days of the targeted
 * groups.
 */
public final class FlightCheck {

    static final int DAYS_PER_STEP = 91;

    private final NetworkPlanner planner;
    private final SolvedHours solved;

    /**
     * A check that remembers the hours it solved from one booking to the next (most of a book's hours are met again
     * by the next check), so it is for one thread at a time.
     */
    public FlightCheck(NetworkPlanner planner) {
        this.planner = planner;
        this.solved = new SolvedHours();
    }

    /**
     * A check that also looks hours up in, and adds the hours it solves to, {@code ledger}: the decisions kept in
     * PostgreSQL, shared by every instance and kept across restarts.
     *
     * @throws IllegalArgumentException when {@code ledger} holds the decisions of another solver revision
     */
    public FlightCheck(NetworkPlanner planner, DecidedHours ledger) {
        if (!planner.decisionRevision().equals(ledger.revision())) {
            throw new IllegalArgumentException("a ledger of " + ledger.revision() + " decisions cannot answer for a"
                    + " planner of " + planner.decisionRevision());
        }
        this.planner = planner;
        this.solved = new SolvedHours(ledger);
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
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(DAYS_PER_STEP)) {
            int days = (int) Math.min(DAYS_PER_STEP, ChronoUnit.DAYS.between(day, to) + 1);
            List<Shortfall> planned = planner.shortfalls(targeted, with, day, days, solved);
            if (planned.isEmpty()) {
                continue;
            }
            Set<String> stations = new HashSet<>();
            planned.forEach(shortfall -> stations.add(shortfall.station()));
            List<Shortfall> before = planner.shortfalls(atStations(targeted, stations), without, day, days, solved);
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
        return new Network(stations.values(), screens, periodsOf(network, screens));
    }

    /** The part of {@code network} at {@code stations}. */
    private static Network atStations(Network network, Set<String> stations) {
        List<Screen> screens = network.screens().stream()
                .filter(screen -> stations.contains(screen.station()))
                .toList();
        List<Station> kept = network.stations().stream()
                .filter(station -> stations.contains(station.code()))
                .toList();
        return new Network(kept, screens, periodsOf(network, screens));
    }

    private static Map<String, List<OutOfService>> periodsOf(Network network, List<Screen> screens) {
        Map<String, List<OutOfService>> periods = new LinkedHashMap<>();
        screens.forEach(screen -> {
            if (!network.outOfService(screen.id()).isEmpty()) {
                periods.put(screen.id(), network.outOfService(screen.id()));
            }
        });
        return periods;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
