package io.railcast.agent.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
        AtomicLong nanos = new AtomicLong(7);
        ServerClock clock = new ServerClock(Clock.fixed(SENT.plusMillis(20), ZoneOffset.UTC), nanos::get);

        clock.sample(SENT, SENT.minusMillis(1_500), SENT.plusMillis(20));

        assertThat(clock.offsetMillis()).isEqualTo(-1_510);
        assertThat(clock.instant()).isEqualTo(SENT.minusMillis(1_490));
        nanos.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(clock.instant()).isEqualTo(SENT.minusMillis(1_190));
    }

    @Test
    void aJumpOfTheLocalClockMovesTheOffsetAndNotThePlayingTime() {
        AtomicLong nanos = new AtomicLong();
        AtomicReference<Instant> local = new AtomicReference<>(SENT.plusMillis(20));
        ServerClock clock = new ServerClock(
                new Clock() {
                    @Override
                    public Instant instant() {
                        return local.get();
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                },
                nanos::get);
        clock.sample(SENT, SENT.plusMillis(10), SENT.plusMillis(20));
        assertThat(clock.offsetMillis()).isZero();

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        local.set(SENT.plusMillis(20).plus(Duration.ofHours(1)).plusSeconds(5));

        assertThat(clock.instant()).isEqualTo(SENT.plusMillis(20).plusSeconds(5));
        assertThat(clock.offsetMillis()).isEqualTo(-Duration.ofHours(1).toMillis());
    }

    @Test
    void ignoresASampleWhoseRoundTripWasTooSlowToTrust() {
        ServerClock clock = new ServerClock(Clock.fixed(SENT, ZoneOffset.UTC));

        assertThat(clock.sample(SENT, SENT.plusSeconds(10), SENT.plusSeconds(5)))
                .isFalse();
        assertThat(clock.offsetMillis()).isZero();
    }
}
