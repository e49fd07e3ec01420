package io.railcast.model.campaign;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a campaign plays: {@code n} plays in every clock-aligned period that divides an hour ("6 per 5
 * minutes" is 6 plays in 00:00–00:05, 6 in 00:05–00:10 …), or {@code n} plays per operating day spread evenly.
 */
public sealed interface Frequency permits Frequency.PerPeriod, Frequency.PerDay {

    int plays();

    /** n plays in every clock-aligned period of {@code periodMinutes}, a divisor of 60. */
    record PerPeriod(int plays, int periodMinutes) implements Frequency {
        public PerPeriod {
            if (plays <= 0) {
                throw new IllegalArgumentException("plays must be positive, got " + plays);
            }
            if (periodMinutes <= 0 || 60 % periodMinutes != 0) {
                throw new IllegalArgumentException("the period must divide an hour, got " + periodMinutes + " min");
            }
        }

        public int periodSeconds() {
            return periodMinutes * 60;
        }

        /**
         * Plays owed in one period window of which {@code coveredSeconds} lie in the campaign's active time:
         * all {@code n} for a whole window, pro rata rounded down for a window cut by the flight, daily hours or
         * operating hours.
         */
        public int playsOwed(int coveredSeconds) {
            return coveredSeconds >= periodSeconds() ? plays : (int) ((long) plays * coveredSeconds / periodSeconds());
        }

        @Override
        public String toString() {
            return plays + "/" + (periodMinutes == 60 ? "h" : periodMinutes + "min");
        }
    }

    /** n plays per operating day of each screen, spread evenly over the campaign's active time that day. */
    record PerDay(int plays) implements Frequency {
        public PerDay {
            if (plays <= 0) {
                throw new IllegalArgumentException("plays must be positive, got " + plays);
            }
        }

        @Override
        public String toString() {
            return plays + "/day";
        }
    }

    static Frequency perHour(int plays) {
        return new PerPeriod(plays, 60);
    }

    static Frequency perMinutes(int plays, int minutes) {
        return new PerPeriod(plays, minutes);
    }

    static Frequency perDay(int plays) {
        return new PerDay(plays);
    }

    Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(?:(\\d+)\\s*(?:m|min)|(h|hour)|(d|day))\\s*");

    /** Parses "12/h", "6/5min", "2/60min" or "20/day". */
    static Frequency parse(String text) {
        Matcher m = TEXT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("frequency must look like 12/h, 6/5min or 20/day, got '" + text + "'");
        }
        int plays = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new PerPeriod(plays, Integer.parseInt(m.group(2)));
        }
        return m.group(3) != null ? new PerPeriod(plays, 60) : new PerDay(plays);
    }
}
