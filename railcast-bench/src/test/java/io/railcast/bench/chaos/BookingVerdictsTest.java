package io.railcast.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.bench.chaos.BookingStream.Booking;
import io.railcast.bench.chaos.BookingStream.Retry;
import io.railcast.bench.chaos.BookingVerdicts.Stored;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingVerdictsTest {

    private static final Stored WHOLE = new Stored(7, true, true);

    private static Booking booking(String id, int status, long version) {
        return new Booking(id, "BJP", "server-a", status, version, 0);
    }

    @Test
    void anAcceptedBookingStoredWholeWithItsVersionIsNeitherLostNorHalf() {
        assertThat(BookingVerdicts.of(List.of(booking("C-1", 201, 7)), Map.of("C-1", WHOLE)))
                .isEqualTo(new BookingVerdicts(0, 0, 0));
    }

    @Test
    void anAcceptedBookingMissingUnpublishedOrOnAnotherVersionIsLost() {
        List<Booking> accepted =
                List.of(booking("C-1", 201, 7), booking("C-2", 201, 7), booking("C-3", 201, 7), booking("C-4", 201, 8));
        Map<String, Stored> stored =
                Map.of("C-2", new Stored(0, false, false), "C-3", new Stored(7, true, false), "C-4", WHOLE);
        assertThat(BookingVerdicts.of(accepted, stored)).isEqualTo(new BookingVerdicts(4, 0, 0));
    }

    @Test
    void anUnansweredBookingMayBeStoredWholeOrNotAtAllButNotHalf() {
        List<Booking> unanswered = List.of(booking("C-1", 0, 0), booking("C-2", 503, 0), booking("C-3", 0, 0));
        Map<String, Stored> stored = Map.of("C-1", WHOLE, "C-3", new Stored(9, false, false));
        assertThat(BookingVerdicts.of(unanswered, stored)).isEqualTo(new BookingVerdicts(0, 1, 1));
    }

    @Test
    void aBookingWhoseRetryWasAnsweredIsJudgedByThatAnswer() {
        List<Booking> unanswered = List.of(booking("C-1", 0, 0), booking("C-2", 503, 0), booking("C-3", 0, 0));
        List<Retry> retries = List.of(
                new Retry("C-1", "server-b", 0, 0), // no answer again: the next retry counts
                new Retry("C-1", "server-a", 200, 7), // a replay: it had been stored, with version 7
                new Retry("C-2", "server-a", 201, 9), // booked now: it had not been stored
                new Retry("C-3", "server-a", 0, 0));
        List<Booking> settled = BookingStream.settled(unanswered, retries);

        assertThat(settled).extracting(Booking::status).containsExactly(200, 201, 0);
        assertThat(settled).extracting(Booking::version).containsExactly(7L, 9L, 0L);
        Map<String, Stored> stored = Map.of("C-1", WHOLE, "C-2", new Stored(9, true, true), "C-3", WHOLE);
        assertThat(BookingVerdicts.of(settled, stored))
                .as("answered by their retries, C-1 and C-2 stand; C-3 is still stored without an answer")
                .isEqualTo(new BookingVerdicts(0, 0, 1));
        assertThat(BookingVerdicts.of(settled, Map.of("C-1", WHOLE)))
                .as("a booking answered 201 on its retry must be stored")
                .isEqualTo(new BookingVerdicts(1, 0, 0));
    }

    @Test
    void aRefusedBookingThatWasStoredCountsAsHalfStored() {
        List<Booking> refused = List.of(booking("C-1", 409, 0), booking("C-2", 409, 0));
        assertThat(BookingVerdicts.of(refused, Map.of("C-2", WHOLE))).isEqualTo(new BookingVerdicts(0, 1, 0));
    }
}
