package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.time.DailyHours;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * When campaigns are active on the screens of stations that share one set of operating hours, hour by hour over a
 * horizon, and how a per-day frequency is apportioned over those hours.
 *
 * <p>Everything is in local clock time: flights are booked in each station's local time and the schedule is kept in
 * local dates, so two stations with the same operating hours see the same active time whatever their zone.
 * Results are cached per campaign position, so one instance serves every station of its operating hours.
 */
final class ActiveTime {

    private static final long SECONDS_PER_DAY = 86_400;

    private final LocalDate firstDay;
    private final int days;
    private final SecondRange[] onAir = new SecondRange[24];
    /** The clock hour that holds the opening time; 0 for stations open all day, whose day is the calendar day. */
    private final int dayStartHour;

    private final SecondRange[][] activeByCampaign;
    private final int[][] owedByCampaign;

    ActiveTime(DailyHours operatingHours, LocalDate firstDay, int days, int campaigns) {
        this.firstDay = firstDay;
        this.days = days;
        for (int hour = 0; hour < 24; hour++) {
            onAir[hour] = operatingHours.within(hour).orElse(SecondRange.EMPTY);
        }
        // Equal start and end mean all day whatever the time named, and an all-day station's day is the calendar day.
        this.dayStartHour =
                operatingHours.isAllDay() ? 0 : operatingHours.start().getHour();
        this.activeByCampaign = new SecondRange[campaigns][];
        this.owedByCampaign = new int[campaigns][];
    }

    /** The on-air part of a clock hour; empty when the stations are closed. */
    SecondRange onAir(int hour) {
        return onAir[hour];
    }

    /** The campaign's active time in each hour of the horizon, indexed {@code day * 24 + hour}. */
    SecondRange[] active(int index, Campaign campaign) {
        if (activeByCampaign[index] == null) {
            SecondRange[] daily = daily(campaign);
            SecondRange[] active = new SecondRange[days * 24];
            for (int i = 0; i < active.length; i++) {
                active[i] = activeAt(campaign, daily, firstDay.plusDays(i / 24), i % 24);
            }
            activeByCampaign[index] = active;
        }
        return activeByCampaign[index];
    }

    /**
     * Plays a per-day campaign owes in each hour of the horizon, indexed {@code day * 24 + hour}: the day's plays
     * spread in proportion to active seconds, rounded on the cumulative count so the hours add up to the day exactly.
     * Operating days that straddle an edge of the horizon are apportioned whole, so an hour owes the same whatever
     * horizon it is audited in.
     */
    int[] owedPerDay(int index, Campaign campaign, Frequency.PerDay perDay) {
        if (owedByCampaign[index] == null) {
            SecondRange[] daily = daily(campaign);
            int[] owed = new int[days * 24];
            // From the operating day before the horizon: its last hours may fall on the horizon's first date.
            for (int day = -1; day < days; day++) {
                apportion(campaign, daily, perDay.plays(), firstDay.plusDays(day), owed);
            }
            owedByCampaign[index] = owed;
        }
        return owedByCampaign[index];
    }

    private void apportion(Campaign campaign, SecondRange[] daily, int plays, LocalDate operatingDay, int[] owed) {
        long[] seconds = new long[24];
        long total = 0;
        for (int i = 0; i < 24; i++) {
            int clock = dayStartHour + i;
            seconds[i] = activeAt(campaign, daily, operatingDay.plusDays(clock / 24), clock % 24)
                    .length();
            total += seconds[i];
        }
        if (total == 0) {
            return;
        }
        long covered = 0;
        long owedBefore = 0;
        for (int i = 0; i < 24; i++) {
            covered += seconds[i];
            long owedByNow = (plays * covered + total / 2) / total;
            int clock = dayStartHour + i;
            long slot = (operatingDay.plusDays(clock / 24).toEpochDay() - firstDay.toEpochDay()) * 24 + clock % 24;
            if (slot >= 0 && slot < owed.length) {
                owed[(int) slot] = (int) (owedByNow - owedBefore);
            }
            owedBefore = owedByNow;
        }
    }

    private static SecondRange[] daily(Campaign campaign) {
        SecondRange[] daily = new SecondRange[24];
        for (int hour = 0; hour < 24; hour++) {
            daily[hour] = campaign.dailyHours().within(hour).orElse(SecondRange.EMPTY);
        }
        return daily;
    }

    private SecondRange activeAt(Campaign campaign, SecondRange[] daily, LocalDate date, int hour) {
        SecondRange range = onAir[hour].intersect(daily[hour]);
        if (range.isEmpty()) {
            return SecondRange.EMPTY;
        }
        long hourStart = date.toEpochDay() * SECONDS_PER_DAY + hour * 3600L;
        long from = localSecond(campaign.flight().start()) - hourStart;
        long to = localSecond(campaign.flight().end()) - hourStart;
        return range.intersect(SecondRange.clip(nearHour(from), nearHour(to)));
    }

    private static long localSecond(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    /** Clamps to just outside the hour, which clips the same and keeps far-away flights inside an int. */
    private static int nearHour(long second) {
        return (int) Math.max(-1, Math.min(SecondRange.HOUR + 1, second));
    }
}
