package io.railcast.server.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Sold, held and free airtime by province and day over one month of the booking horizon.
 *
 * @param version   the book's version: the schedule version published last
 * @param firstDay  the first day answered: the month's first, or today in the current month
 * @param lastDay   the last day answered: the month's last, or the booking horizon's
 * @param bookableUntil the last day of the booking horizon: months up to its month may be asked for
 * @param planDays  the days of the published plan among them, whose on-air and sold seconds are the plan's
 * @param provinces by name, those with screens
 */
record InventoryMonthView(
        long version,
        YearMonth month,
        LocalDate firstDay,
        LocalDate lastDay,
        LocalDate bookableUntil,
        List<LocalDate> planDays,
        List<ProvinceDays> provinces) {

    record ProvinceDays(String province, long screens, List<DayAirtime> days) {}

    /**
     * One province's day, summed over its screens, in screen-seconds.
     *
     * @param source       {@code plan} for a day of the published plan (on air and sold as planned: contracted plays
     *                     placed), {@code book} for a later day (as the bookings owe it, from the model the planner
     *                     solves); held always from the model, since holds never reach the plan
     * @param freeSeconds  on air less sold and held; negative where the book is over-sold
     * @param soldPercent  sold as a percentage of on air, to 0.1
     * @param heldPercent  held as a percentage of on air, to 0.1
     */
    record DayAirtime(
            LocalDate date,
            String source,
            long onAirSeconds,
            long soldSeconds,
            long heldSeconds,
            long freeSeconds,
            double soldPercent,
            double heldPercent) {

        static DayAirtime of(LocalDate date, String source, long onAir, long sold, long held) {
            return new DayAirtime(
                    date, source, onAir, sold, held, onAir - sold - held, percent(sold, onAir), percent(held, onAir));
        }

        static double percent(long part, long whole) {
            return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
        }
    }
}
