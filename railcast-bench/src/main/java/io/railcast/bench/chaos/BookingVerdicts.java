package io.railcast.bench.chaos;

import io.railcast.bench.chaos.BookingStream.Booking;
import java.util.Collection;
import java.util.Map;

/**
 * What became of the bookings, held against what the database stored: a booking answered 2xx must be stored and
 * published whole (its campaign row names the version it was answered with, that version exists, and it has rows for
 * the booked station's screens); a booking with no answer or a 5xx may be stored whole or not at all, never half; a
 * refused one (4xx) must not be stored.
 *
 * @param lost        answered 2xx, not stored whole
 * @param halfStored  not answered 2xx, but stored: half (a campaign without its version) or against a refusal
 * @param storedUnanswered  no answer or a 5xx (to the booking and to every retry of it: judge the settled
 *                    bookings, {@link BookingStream#settled}), yet stored whole: not a loss, but its planner never
 *                    learnt that it stands
 */
record BookingVerdicts(int lost, int halfStored, int storedUnanswered) {

    /** A campaign as the database holds it: its published version (0 for none), whether that version and rows exist. */
    record Stored(long publishedVersion, boolean versionExists, boolean stationRows) {

        boolean whole() {
            return publishedVersion > 0 && versionExists && stationRows;
        }
    }

    /** The verdicts on {@code bookings}, given the stored campaigns by id (a booking not in the map is not stored). */
    static BookingVerdicts of(Collection<Booking> bookings, Map<String, Stored> stored) {
        int lost = 0;
        int half = 0;
        int late = 0;
        for (Booking booking : bookings) {
            Stored campaign = stored.get(booking.id());
            if (booking.accepted()) {
                if (campaign == null || !campaign.whole() || campaign.publishedVersion() != booking.version()) {
                    lost++;
                }
            } else if (booking.refused()) {
                if (campaign != null) {
                    half++;
                }
            } else if (campaign != null && !campaign.whole()) {
                half++;
            } else if (campaign != null) {
                late++;
            }
        }
        return new BookingVerdicts(lost, half, late);
    }
}
