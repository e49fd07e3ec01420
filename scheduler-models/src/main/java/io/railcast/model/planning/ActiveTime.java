package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Station;
import io.railcast.model.time.SecondRange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * When a campaign may play in one clock hour of a station: the station's operating hours ∩ the campaign's daily
 * hours ∩ its flight window, as seconds of that hour.
 */
final class ActiveTime {

    private ActiveTime() {
    }

    static SecondRange onAir(Station station, int hour) {
        return station.operatingHours().within(hour).orElse(SecondRange.EMPTY);
    }

    static SecondRange of(Campaign campaign, Station station, LocalDate date, int hour) {
        SecondRange onAir = onAir(station, hour);
        if (onAir.isEmpty()) {
            return SecondRange.EMPTY;
        }
        SecondRange daily = campaign.dailyHours().within(hour).orElse(SecondRange.EMPTY);
        LocalDateTime hourStart = date.atTime(hour, 0);
        int flightFrom = (int) Math.max(-1, Math.min(3601,
                Duration.between(hourStart, campaign.flight().start()).toSeconds()));
        int flightTo = (int) Math.max(-1, Math.min(3601,
                Duration.between(hourStart, campaign.flight().end()).toSeconds()));
        return onAir.intersect(daily).intersect(SecondRange.clip(flightFrom, flightTo));
    }

    /** The clock hour at which a station's operating day begins. */
    static int operatingDayStartHour(Station station) {
        return station.operatingHours().isAllDay() ? 0 : station.operatingHours().start().getHour();
    }
}
