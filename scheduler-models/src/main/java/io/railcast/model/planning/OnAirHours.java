package io.railcast.model.planning;

import io.railcast.model.network.Station;
import io.railcast.model.time.SecondRange;

/** When a station's screens are on: per clock hour, and which hour starts its operating day. */
final class OnAirHours {

    private OnAirHours() {}

    static SecondRange onAir(Station station, int hour) {
        return station.operatingHours().within(hour).orElse(SecondRange.EMPTY);
    }

    /** The clock hour at which a station's operating day begins. */
    static int operatingDayStartHour(Station station) {
        return station.operatingHours().isAllDay()
                ? 0
                : station.operatingHours().start().getHour();
    }
}
