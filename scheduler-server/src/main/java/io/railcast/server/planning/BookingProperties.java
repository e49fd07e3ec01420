package io.railcast.server.planning;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far ahead a contract may be sold, and how many decided hours the whole-flight check keeps.
 *
 * @param horizon        how far past today (in the planning zone) a contracted campaign's flight may reach: a
 *                       booking is a promise for its whole flight, and promises are only made as far ahead as the
 *                       operator sells (18 months, as the market's availability checks do)
 * @param ledgerCapacity how many decided hours ({@code hour_decision}) are kept, most recently used first, in
 *                       PostgreSQL and in each instance's memory (about 240 bytes each in memory)
 */
@ConfigurationProperties("railcast.booking")
record BookingProperties(
        @DefaultValue("P18M") Period horizon,
        @DefaultValue("500000") int ledgerCapacity) {

    BookingProperties {
        if (horizon.isNegative() || horizon.isZero() || horizon.toTotalMonths() > 120) {
            throw new IllegalArgumentException(
                    "railcast.booking.horizon must be positive and at most 10 years (P10Y), got " + horizon);
        }
        if (ledgerCapacity < 1) {
            throw new IllegalArgumentException(
                    "railcast.booking.ledger-capacity must be at least 1, got " + ledgerCapacity);
        }
    }
}
