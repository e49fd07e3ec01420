package io.railcast.model.time;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of local clock time that repeats every day, with minute precision, such as a station's operating
 * hours (05:30–00:30) or a campaign's daily hours (07:00–22:00). It may cross midnight; equal start and end mean
 * the whole day.
 *
 * <p>Planning is done per clock hour, so a span must meet every clock hour in at most one piece: a span that
 * both starts and ends inside the same clock hour while crossing midnight (say 05:40–05:10) is refused.
 */
public record DailyHours(LocalTime start, LocalTime end) {

    public static final DailyHours ALL_DAY = new DailyHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public DailyHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("daily hours have minute precision: " + start + "–" + end);
        }
        if (end.isBefore(start) && end.getHour() == start.getHour()) {
            throw new IllegalArgumentException(
                    "daily hours " + start + "–" + end + " would split clock hour " + start.getHour() + " in two");
        }
    }

    /** Parses "HH:mm-HH:mm" (an en dash is accepted too). */
    public static DailyHours parse(String text) {
        String[] parts = text.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("daily hours must look like 06:00-23:00, got '" + text + "'");
        }
        return new DailyHours(parseTime(parts[0]), parseTime(parts[1]));
    }

    private static LocalTime parseTime(String text) {
        return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    public boolean isAllDay() {
        return start.equals(end);
    }

    public boolean crossesMidnight() {
        return end.isBefore(start) || (end.equals(LocalTime.MIDNIGHT) && !isAllDay());
    }

    public Duration length() {
        if (isAllDay()) {
            return Duration.ofDays(1);
        }
        long seconds = end.toSecondOfDay() - start.toSecondOfDay();
        return Duration.ofSeconds(seconds > 0 ? seconds : seconds + 86_400);
    }

    /**
     * The part of clock hour {@code hour} (0–23) that lies inside these hours, as seconds from the start of that
     * hour, or empty when none of it does.
     */
    public Optional<SecondRange> within(int hour) {
        if (isAllDay()) {
            return Optional.of(SecondRange.WHOLE_HOUR);
        }
        int hourStart = hour * 3600;
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        if (e <= s) {
            e += 86_400;
        }
        // The span is [s, e) on a 48-hour line; the hour sits at [hourStart, +3600) and again a day later.
        SecondRange first = SecondRange.clip(s - hourStart, e - hourStart);
        if (!first.isEmpty()) {
            return Optional.of(first);
        }
        SecondRange second = SecondRange.clip(s - hourStart - 86_400, e - hourStart - 86_400);
        return second.isEmpty() ? Optional.empty() : Optional.of(second);
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) && !isAllDay() ? "24:00" : end.toString());
    }
}
