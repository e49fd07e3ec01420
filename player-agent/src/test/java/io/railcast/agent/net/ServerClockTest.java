package io.railcast.agent.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServerClockTest {

    private static final Instant SENT = Instant.parse("2026-11-24T03:12:00Z");

    @Test
    void estimatesTheOffsetFromTheMiddleOfTheRoundTrip() {
        // 80 ms there and back; the server, 250 ms ahead, stamped its answer half way
        Instant serverTime = SENT.plusMillis(40 + 250);

        assertThat(ServerClock.estimate(SENT, serverTime, SENT.plusMillis(80))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void playsOnTheServersTimeOnceMeasured() {
        ServerClock clock = new ServerClock(Clock.fixed(SENT, ZoneOffset.UTC));

        clock.sample(SENT, SENT.minusMillis(1_500), SENT.plusMillis(20));

        assertThat(clock.offsetMillis()).isEqualTo(-1_510);
        assertThat(clock.instant()).isEqualTo(SENT.minusMillis(1_510));
    }

    @Test
    void ignoresASampleWhoseRoundTripWasTooSlowToTrust() {
        ServerClock clock = new ServerClock(Clock.fixed(SENT, ZoneOffset.UTC));

        assertThat(clock.sample(SENT, SENT.plusSeconds(10), SENT.plusSeconds(5)))
                .isFalse();
        assertThat(clock.offsetMillis()).isZero();
    }
}
