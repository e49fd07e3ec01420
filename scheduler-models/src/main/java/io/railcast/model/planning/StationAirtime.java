package io.railcast.model.planning;

import io.railcast.model.network.Network;
import io.railcast.model.network.Station;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Screen-seconds on air, sold and held per station, date and local clock hour, summed over each station's screens
 * ({@link BookedAirtime}). Immutable.
 */
public final class StationAirtime {

    /**
     * Screen-seconds of one station-hour or station-day.
     *
     * @param onAirSeconds screens × seconds on air
     * @param soldSeconds  screens × seconds the booked campaigns owe (contracted plays, placed or not)
     * @param heldSeconds  the same for the held campaigns
     */
    public record Airtime(long onAirSeconds, long soldSeconds, long heldSeconds) {

        public static final Airtime NONE = new Airtime(0, 0, 0);

        /** On air less sold and held; negative where the book is over-sold. */
        public long freeSeconds() {
            return onAirSeconds - soldSeconds - heldSeconds;
        }

        public Airtime plus(Airtime other) {
            return new Airtime(
                    onAirSeconds + other.onAirSeconds,
                    soldSeconds + other.soldSeconds,
                    heldSeconds + other.heldSeconds);
        }
    }

    private final LocalDate firstDay;
    private final int days;
    private final List<String> stations;
    private final Map<String, Integer> index;
    /** Per station, day and hour: on air, sold, held. */
    private final long[] seconds;

    private StationAirtime(LocalDate firstDay, int days, List<String> stations, long[] seconds) {
        this.firstDay = firstDay;
        this.days = days;
        this.stations = stations;
        this.index = new HashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            index.put(stations.get(i), i);
        }
        this.seconds = seconds;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public int days() {
        return days;
    }

    /** The station codes of the network, in its order. */
    public List<String> stations() {
        return stations;
    }

    /** One local clock hour of a station; {@link Airtime#NONE} for an unknown station or a day outside. */
    public Airtime hour(String station, LocalDate date, int hour) {
        Integer s = index.get(station);
        long day = date.toEpochDay() - firstDay.toEpochDay();
        if (s == null || day < 0 || day >= days || hour < 0 || hour > 23) {
            return Airtime.NONE;
        }
        int at = ((s * days + (int) day) * 24 + hour) * 3;
        return new Airtime(seconds[at], seconds[at + 1], seconds[at + 2]);
    }

    /** A station's 24 hours of {@code date} together. */
    public Airtime day(String station, LocalDate date) {
        Airtime sum = Airtime.NONE;
        for (int hour = 0; hour < 24; hour++) {
            sum = sum.plus(hour(station, date, hour));
        }
        return sum;
    }

    /** Adds screen groups' hours, day by day, to the stations'. */
    static final class Builder {

        private final LocalDate firstDay;
        private final int days;
        private final List<String> stations;
        private final Map<String, Integer> index = new HashMap<>();
        private final long[] seconds;

        Builder(Network network, LocalDate firstDay, int days) {
            this.firstDay = firstDay;
            this.days = days;
            this.stations = network.stations().stream().map(Station::code).toList();
            for (int i = 0; i < stations.size(); i++) {
                index.put(stations.get(i), i);
            }
            this.seconds = new long[Math.multiplyExact(stations.size() * 24 * 3, days)];
        }

        /**
         * Adds {@code screens} screens of {@code station} whose day d has the hours of distinct day {@code slot(d)}
         * in {@code perScreen} (per distinct day and hour: on air, sold, held seconds of one screen).
         */
        void add(String station, int screens, IntUnaryOperator slot, int[] perScreen) {
            int s = index.get(station);
            for (int day = 0; day < days; day++) {
                int from = slot.applyAsInt(day) * 24 * 3;
                int to = (s * days + day) * 24 * 3;
                for (int i = 0; i < 24 * 3; i++) {
                    seconds[to + i] += (long) screens * perScreen[from + i];
                }
            }
        }

        StationAirtime build() {
            return new StationAirtime(firstDay, days, stations, seconds);
        }
    }
}
