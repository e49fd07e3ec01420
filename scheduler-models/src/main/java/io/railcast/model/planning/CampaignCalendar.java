package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.solver.CreativeChoice;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's timing worked out once, so that asking when it plays in one of a week's 900,000 screen-hours is a
 * few integer comparisons: its flight on a line of local seconds, its daily hours per clock hour, and its creative
 * rotation per screen type.
 */
final class CampaignCalendar {

    final Campaign campaign;
    /** Tells this campaign from the others of the same planning run. */
    final int number;

    private final long flightFrom;
    private final long flightTo;
    private final int[] dailyFrom = new int[24];
    private final int[] dailyTo = new int[24];
    private final Map<ScreenType, List<CreativeChoice>> cycles = new EnumMap<>(ScreenType.class);

    CampaignCalendar(Campaign campaign, int number) {
        this.campaign = campaign;
        this.number = number;
        this.flightFrom = campaign.flight().start().toEpochSecond(ZoneOffset.UTC);
        this.flightTo = campaign.flight().end().toEpochSecond(ZoneOffset.UTC);
        for (int hour = 0; hour < 24; hour++) {
            SecondRange daily = campaign.dailyHours().within(hour).orElse(SecondRange.EMPTY);
            dailyFrom[hour] = daily.from();
            dailyTo[hour] = daily.to();
        }
        for (ScreenType type : ScreenType.values()) {
            cycles.put(type, CreativeRotation.cycle(campaign.creativesFor(type)));
        }
    }

    /**
     * Seconds of the hour {@code (date, hour)} in which the campaign may play on a screen on air for {@code onAir}:
     * on air ∩ daily hours ∩ flight. Empty when none.
     */
    SecondRange active(SecondRange onAir, LocalDate date, int hour) {
        return active(onAir, date.toEpochDay(), hour);
    }

    /** The same, for the date {@code epochDay} (worked out once for the many campaigns of one hour). */
    SecondRange active(SecondRange onAir, long epochDay, int hour) {
        long hourStart = epochDay * 86_400 + hour * 3_600L;
        long from = Math.max(Math.max(onAir.from(), dailyFrom[hour]), flightFrom - hourStart);
        long to = Math.min(Math.min(onAir.to(), dailyTo[hour]), flightTo - hourStart);
        if (from >= to) {
            return SecondRange.EMPTY;
        }
        return from == onAir.from() && to == onAir.to() ? onAir : new SecondRange((int) from, (int) to);
    }

    SecondRange active(Station station, LocalDate date, int hour) {
        return active(OnAirHours.onAir(station, hour), date, hour);
    }

    int cycleLength(ScreenType type) {
        return Math.max(1, cycles.get(type).size());
    }

    /** One weighted rotation cycle of its creatives for screens of {@code type}, in order; empty when it has none. */
    List<CreativeChoice> cycle(ScreenType type) {
        return cycles.get(type);
    }
}
