package io.railcast.demo;

import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.time.DailyHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Draws flight windows and daily hours around the planning horizon. Every flight overlaps the horizon; many run
 * past one of its ends, some start or stop mid-week at odd times such as Wednesday 14:30.
 */
final class Flights {

    private static final List<DailyHours> COMMERCIAL_HOURS = List.of(
            DailyHours.ALL_DAY,
            DailyHours.parse("07:00-22:00"),
            DailyHours.parse("17:00-02:00"),
            DailyHours.parse("06:30-09:30"));
    private static final List<Integer> MINUTES = List.of(0, 15, 30, 45);

    private final LocalDateTime start;
    private final LocalDateTime end;
    private final int days;
    private final Dice dice;

    Flights(LocalDate firstDay, int days, Dice dice) {
        this.start = firstDay.atStartOfDay();
        this.end = start.plusDays(days);
        this.days = days;
        this.dice = dice;
    }

    LocalDateTime horizonStart() {
        return start;
    }

    FlightWindow commercial() {
        int shape = days < 2 ? 0 : dice.weighted(40, 20, 15, 25);
        return switch (shape) {
            case 0 -> new FlightWindow(start.minusDays(dice.between(0, 28)), end.plusDays(dice.between(1, 35)));
            case 1 -> new FlightWindow(oddMoment(dice.between(1, days - 1)), end.plusDays(dice.between(1, 28)));
            case 2 -> new FlightWindow(start.minusDays(dice.between(1, 21)), oddMoment(dice.between(1, days - 1)));
            default -> inside();
        };
    }

    /** A flight of whole days from midnight to midnight, for plays counted per day. */
    FlightWindow wholeDays() {
        LocalDateTime from = start.plusDays(dice.between(-14, days - 1));
        LocalDateTime to = from.plusDays(dice.between(3, 28));
        return new FlightWindow(from, to.isAfter(start) ? to : start.plusDays(1));
    }

    /** From {@code before} days before the horizon to {@code after} days after its start, at midnight. */
    FlightWindow around(int before, int after) {
        return new FlightWindow(start.minusDays(before), start.plusDays(after));
    }

    /** A charity week: from the Monday of the horizon's first week, 00:00, to the Tuesday after next, 08:00. */
    FlightWindow charityWeek() {
        LocalDateTime monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new FlightWindow(monday, monday.plusDays(8).withHour(8));
    }

    /** Far wider than any horizon: the operator's own loops run all year. */
    FlightWindow always() {
        return new FlightWindow(start.minusYears(1), start.plusYears(2));
    }

    DailyHours commercialHours() {
        return dice.pick(COMMERCIAL_HOURS, 72, 14, 8, 6);
    }

    /** Hours for plays counted per day: a whole day or the daytime. */
    DailyHours perDayHours() {
        return dice.pick(COMMERCIAL_HOURS.subList(0, 2), 70, 30);
    }

    private FlightWindow inside() {
        int from = dice.between(0, days - 2);
        int to = dice.between(from + 1, days);
        LocalDateTime first = dice.chance(0.5) ? oddMoment(from) : start.plusDays(from);
        LocalDateTime last = to < days && dice.chance(0.4) ? oddMoment(to) : start.plusDays(to);
        return new FlightWindow(first, last);
    }

    /** A time of day that a salesperson would type: 14:30 on some day of the horizon. */
    private LocalDateTime oddMoment(int day) {
        return start.plusDays(day).withHour(dice.between(7, 21)).withMinute(dice.pick(MINUTES));
    }
}
