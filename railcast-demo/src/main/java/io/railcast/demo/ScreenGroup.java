package io.railcast.demo;

import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.time.SecondRange;
import java.util.HashMap;
import java.util.Map;

/**
 * The screens of one station that share a type and a zone. Targeting looks at nothing else, so every campaign
 * reaches all of them or none, and one load per clock hour of the horizon stands for each of them.
 */
final class ScreenGroup {

    private final Station station;
    private final Screen sample;
    private int screens;
    private final SecondRange[] onAir = new SecondRange[24];
    /** Contracted seconds per clock hour of the horizon, on each screen of the group. */
    final int[] seconds;
    /** The busiest 5-minute window of each clock hour, in twelfths of a second so that hourly averages stay whole. */
    final int[] windowTwelfths;
    /** Contracted seconds per clock hour by exclusive category, once booked; looked up, never iterated. */
    final Map<String, int[]> categorySeconds = new HashMap<>();

    ScreenGroup(Station station, Screen sample, int hours) {
        this.station = station;
        this.sample = sample;
        for (int hour = 0; hour < 24; hour++) {
            onAir[hour] = station.operatingHours().within(hour).orElse(SecondRange.EMPTY);
        }
        this.seconds = new int[hours];
        this.windowTwelfths = new int[hours];
    }

    Station station() {
        return station;
    }

    /** Any screen of the group: targeting treats them all alike. */
    Screen sample() {
        return sample;
    }

    ScreenType type() {
        return sample.type();
    }

    int screens() {
        return screens;
    }

    void add() {
        screens++;
    }

    /** The part of clock hour {@code hour} (0–23) that the station is open. */
    SecondRange onAir(int hour) {
        return onAir[hour];
    }

    int[] category(String category) {
        return categorySeconds.computeIfAbsent(category, c -> new int[seconds.length]);
    }
}
