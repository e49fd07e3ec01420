package io.railcast.server.report;

import io.railcast.model.planning.StationAirtime;
import io.railcast.server.planning.BookedInventory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The station × hour view of one day, from the published plan or from the book. */
final class InventoryHours {

    private InventoryHours() {}

    /** A day of the published plan: on air and contracted as planned, held from the book. */
    static InventoryHoursView fromPlan(
            VersionFacts facts,
            LocalDate day,
            String province,
            Set<String> guaranteed,
            List<BookedInventory.StationFacts> stations,
            List<InventoryHourRepository.HourUsage> usage,
            BookedInventory.Booked booked) {
        Map<String, Airtime[]> byStation = new HashMap<>();
        for (InventoryHourRepository.HourUsage hour : usage) {
            Airtime[] airtime = byStation.computeIfAbsent(hour.station(), s -> new Airtime[24]);
            if (airtime[hour.hour()] == null) {
                airtime[hour.hour()] = new Airtime();
            }
            airtime[hour.hour()].add(facts.plans().get(hour.planId()), hour.screens(), guaranteed);
        }
        List<InventoryHoursView.StationHours> rows = new ArrayList<>();
        for (BookedInventory.StationFacts station : stations) {
            Airtime[] airtime = byStation.getOrDefault(station.code(), new Airtime[24]);
            Airtime whole = new Airtime();
            long heldDay = 0;
            List<InventoryHoursView.HourFill> fills = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                Airtime a = airtime[hour];
                long held = booked.airtime().hour(station.code(), day, hour).heldSeconds();
                heldDay += held;
                if (a == null || a.onAirSeconds() == 0) {
                    fills.add(InventoryHoursView.HourFill.of(hour, 0, 0, held, null));
                    continue;
                }
                fills.add(InventoryHoursView.HourFill.of(
                        hour, a.onAirSeconds(), a.contractedSeconds(), held, a.fillPercent()));
                whole.add(a);
            }
            rows.add(new InventoryHoursView.StationHours(
                    station.code(),
                    station.name(),
                    station.screens(),
                    fills,
                    whole.fill(station.code(), station.name(), station.screens()),
                    heldDay));
        }
        return new InventoryHoursView(facts.version(), day, province, "plan", rows);
    }

    /** A day past the published plan: everything as the bookings and holds owe it. */
    static InventoryHoursView fromBook(
            LocalDate day,
            String province,
            BookedInventory.Booked booked,
            List<BookedInventory.StationFacts> stations) {
        List<InventoryHoursView.StationHours> rows = new ArrayList<>();
        for (BookedInventory.StationFacts station : stations) {
            List<InventoryHoursView.HourFill> fills = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                StationAirtime.Airtime a = booked.airtime().hour(station.code(), day, hour);
                fills.add(InventoryHoursView.HourFill.of(
                        hour,
                        a.onAirSeconds(),
                        a.soldSeconds(),
                        a.heldSeconds(),
                        a.onAirSeconds() == 0 ? null : percent(a.soldSeconds(), a.onAirSeconds())));
            }
            StationAirtime.Airtime whole = booked.airtime().day(station.code(), day);
            InventoryView.StationFill fill = new InventoryView.StationFill(
                    station.code(),
                    station.name(),
                    station.screens(),
                    whole.onAirSeconds(),
                    whole.soldSeconds(),
                    0,
                    0,
                    0,
                    percent(whole.soldSeconds(), whole.onAirSeconds()));
            rows.add(new InventoryHoursView.StationHours(
                    station.code(), station.name(), station.screens(), fills, fill, whole.heldSeconds()));
        }
        return new InventoryHoursView(booked.version(), day, province, "book", rows);
    }

    private static double percent(long part, long whole) {
        return InventoryMonthView.DayAirtime.percent(part, whole);
    }
}
