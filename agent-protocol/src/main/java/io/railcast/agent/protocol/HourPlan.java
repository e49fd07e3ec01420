package io.railcast.agent.protocol;

import java.util.List;

/**
 * What a screen plays in one clock hour: it is on air from {@code onAirFrom} to {@code onAirTo} seconds after the start
 * of the hour, and {@code spots} follow each other in time order inside that window.
 *
 * <p>The server's plans tile the window exactly; a plan with gaps is still accepted and the gaps are dark, because a
 * dark second is better than refusing a whole schedule.
 */
public record HourPlan(int onAirFrom, int onAirTo, List<Spot> spots) {

    public static final int HOUR_SECONDS = 3600;

    public HourPlan {
        spots = List.copyOf(spots);
        if (onAirFrom < 0 || onAirFrom > onAirTo || onAirTo > HOUR_SECONDS) {
            throw new IllegalArgumentException("on air from " + onAirFrom + " s to " + onAirTo + " s");
        }
        int previousEnd = onAirFrom;
        for (Spot spot : spots) {
            if (spot.offset() < previousEnd || spot.end() > onAirTo) {
                throw new IllegalArgumentException("spot at " + spot.offset() + " s overlaps its neighbour or leaves"
                        + " the on-air window " + onAirFrom + "-" + onAirTo + " s");
            }
            previousEnd = spot.end();
        }
    }

    /** The spot on screen {@code millis} after the start of the hour, or null in a gap or off air. */
    public Spot spotAt(long millis) {
        int low = 0;
        int high = spots.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Spot spot = spots.get(middle);
            if (millis < spot.offset() * 1000L) {
                high = middle - 1;
            } else if (millis >= spot.end() * 1000L) {
                low = middle + 1;
            } else {
                return spot;
            }
        }
        return null;
    }

    /** Seconds after the start of the hour when the next spot after {@code millis} begins, or the end of the window. */
    public int nextStartAfter(long millis) {
        for (Spot spot : spots) {
            if (spot.offset() * 1000L > millis) {
                return spot.offset();
            }
        }
        return onAirTo;
    }
}
