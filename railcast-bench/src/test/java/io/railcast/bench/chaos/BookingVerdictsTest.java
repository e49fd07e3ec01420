package io.railcast.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.bench.chaos.BookingStream.Booking;
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
    void aRefusedBookingThatWasStoredCountsAsHalfStored() {
        List<Booking> refused = List.of(booking("C-1", 409, 0), booking("C-2", 409, 0));
        assertThat(BookingVerdicts.of(refused, Map.of("C-2", WHOLE))).isEqualTo(new BookingVerdicts(0, 1, 0));
    }
}
