package io.railcast.server.makegood;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Station;
import io.railcast.model.planning.FlightCheck;
import io.railcast.model.time.DailyHours;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where and how much a make-good run tries to place, the rules kept apart from the booking they lead to:
 *
 * <ul>
 *   <li>the days: the campaign's remaining flight at the station, from the next whole hour of the station's clock
 *       to the flight's last day, and for a policy that extends the flight that many days more; a day counts only
 *       when the campaign has airtime left in it (its daily hours and the station's operating hours meet after the
 *       start), earliest first, at most {@value #MAX_DAYS} days a run;
 *   <li>the plays: a make-good is a whole number of plays on each screen the campaign targets at the station, so a
 *       run first tries all that is owed on one day ({@code ceil(owed / screens)} a screen; up to {@code screens - 1}
 *       plays more than owed, given rather than left owed), then half as many, down to one, before the next day.
 * </ul>
 */
final class MakeGoodDays {

    /** Days a run tries per campaign and station: a month's worth, so that a run stays short. */
    static final int MAX_DAYS = 31;

    private MakeGoodDays() {}

    /**
     * The days to try and when on each the make-good's plays may start.
     *
     * @param extendDays days past the flight (the EXTEND policy's), 0 for ON
     * @param now        the station's clock now
     */
    static List<LocalDateTime> starts(Campaign campaign, Station station, int extendDays, LocalDateTime now) {
        LocalDateTime first = now.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        if (campaign.flight().start().isAfter(first)) {
            first = campaign.flight().start();
        }
        LocalDate lastOfFlight = FlightCheck.lastDay(campaign);
        LocalDate last = lastOfFlight.plusDays(extendDays);
        List<LocalDateTime> starts = new ArrayList<>();
        for (LocalDate day = first.toLocalDate();
                !day.isAfter(last) && starts.size() < MAX_DAYS;
                day = day.plusDays(1)) {
            LocalDateTime from = day.equals(first.toLocalDate()) ? first : day.atStartOfDay();
            boolean flightOver =
                    extendDays == 0 && !from.isBefore(campaign.flight().end());
            if (!flightOver && airtimeFrom(campaign.dailyHours(), station.operatingHours(), from)) {
                starts.add(from);
            }
        }
        return starts;
    }

    /** Plays a screen to try first: all that is owed, in whole plays a screen. */
    static int firstTry(long owed, int screens) {
        if (owed <= 0 || screens <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (owed + screens - 1) / screens);
    }

    /** Plays a screen to try after {@code tried} did not fit: half, none after one. */
    static int afterRefusal(int tried) {
        return tried / 2;
    }

    /** Whether some hour of the day from {@code from} on is in both the daily hours and the operating hours. */
    private static boolean airtimeFrom(DailyHours daily, DailyHours operating, LocalDateTime from) {
        for (int hour = from.getHour(); hour < 24; hour++) {
            Optional<SecondRange> campaign = daily.within(hour);
            Optional<SecondRange> open = operating.within(hour);
            if (campaign.isPresent()
                    && open.isPresent()
                    && !campaign.get().intersect(open.get()).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
