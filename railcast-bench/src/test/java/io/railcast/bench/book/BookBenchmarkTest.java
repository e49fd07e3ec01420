package io.railcast.bench.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.bench.book.BookingRequests.Request;
import io.railcast.demo.DemoOptions;
import io.railcast.demo.NetworkGenerator;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookBenchmarkTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Network NETWORK =
            NetworkGenerator.generate(new DemoOptions(42, 28, 60, 0, TODAY, 7)).network();

    @Test
    void checksTwoHundredRequestsOverAYearByDefaultAndRefusesNonsense() {
        BookOptions options = BookOptions.parse(new String[0]);

        assertThat(options.requests()).isEqualTo(200);
        assertThat(options.months()).isEqualTo(12);
        assertThat(options.sampledDays()).isEqualTo(30);
        assertThat(BookOptions.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> BookOptions.parse(new String[] {"--months", "19"}))
                .hasMessageContaining("months 1-18");
    }

    @Test
    void requestsAreSeededAndStayInsideTheMonthsAsked() {
        List<Request> first = BookingRequests.generate(NETWORK, 7, 50, TODAY, 3);
        List<Request> again = BookingRequests.generate(NETWORK, 7, 50, TODAY, 3);

        assertThat(first).isEqualTo(again);
        assertThat(first).allSatisfy(request -> {
            assertThat(request.campaign().isContracted()).isTrue();
            assertThat(request.campaign().flight().start().toLocalDate()).isAfter(TODAY);
            assertThat(request.campaign().flight().end().toLocalDate()).isBeforeOrEqualTo(TODAY.plusMonths(3));
        });
        assertThat(first).extracting(Request::reach).contains(BookingRequests.Reach.values());
    }

    @Test
    void thePeerSellsAScreenDayUntilItsSecondsRunOut() {
        AirtimeLedger peer = new AirtimeLedger(NETWORK, TODAY, 40);
        Campaign half = BookingRequests.generate(NETWORK, 1, 1, TODAY, 1).get(0).campaign();
        Campaign greedy = half.withFrequency(new io.railcast.model.campaign.Frequency.PerPeriod(
                3600 / 2 / half.creatives().get(0).creative().durationSeconds(), 60));

        assertThat(peer.book(greedy)).isTrue();
        assertThat(peer.book(greedy)).as("the second half of every hour").isTrue();
        assertThat(peer.book(greedy)).as("nothing left").isFalse();
    }
}
