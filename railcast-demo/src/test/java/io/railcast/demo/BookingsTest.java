package io.railcast.demo;

import static io.railcast.demo.AirtimeLedgerTest.MONDAY;
import static io.railcast.demo.AirtimeLedgerTest.NETWORK;
import static io.railcast.demo.AirtimeLedgerTest.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Targeting;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingsTest {

    private final AirtimeLedger ledger = new AirtimeLedger(NETWORK, MONDAY, 7);
    private final Bookings bookings = new Bookings(ledger, new Dice(1));

    @Test
    void takesADraftThatFitsAsDrawnAndPricesIt() {
        Campaign booked = bookings.book(campaign("fits", "4/h", 15, "")).orElseThrow();
        assertThat(booked.frequency().orElseThrow()).hasToString("4/h");
        assertThat(booked.priceCents()).isPositive();
    }

    @Test
    void dropsTheFullStationsFromAStationList() {
        fillHub();
        Campaign draft = campaign("both", "12/h", 30, "").withTargeting(Targeting.stations("HUB", "TOWN"));
        Campaign booked = bookings.book(draft).orElseThrow();
        assertThat(booked.targeting().stations()).isEqualTo(Set.of("TOWN"));
        assertThat(booked.frequency().orElseThrow()).hasToString("12/h");
    }

    @Test
    void lowersTheFrequencyOfASingleStationBuyThatDoesNotFit() {
        fillHub();
        Campaign draft = campaign("hub", "12/h", 30, "").withTargeting(Targeting.stations("HUB"));
        assertThat(bookings.book(draft).orElseThrow().frequency().orElseThrow()).hasToString("4/h");
    }

    @Test
    void refusesWhatDoesNotFitEvenOnceAnHour() {
        for (int i = 0; i < 6; i++) {
            bookings.book(campaign("c" + i, "12/h", 30, "").withTargeting(Targeting.stations("HUB")))
                    .orElseThrow();
        }
        bookings.book(campaign("top-up", "6/h", 30, "").withTargeting(Targeting.stations("HUB")))
                .orElseThrow();
        assertThat(bookings.book(campaign("late", "1/h", 30, "").withTargeting(Targeting.stations("HUB"))))
                .isEmpty();
    }

    /** 2,160 s of the hub's 2,340 s: room for 180 s an hour. */
    private void fillHub() {
        for (int i = 0; i < 6; i++) {
            bookings.book(campaign("c" + i, "12/h", 30, "").withTargeting(Targeting.stations("HUB")))
                    .orElseThrow();
        }
    }
}
