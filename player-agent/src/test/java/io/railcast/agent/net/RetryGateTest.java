package io.railcast.agent.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.Backoff;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryGateTest {

    @Test
    void staysClosedAtLeastAsLongAsTheServersRetryAfter() {
        RetryGate gate = new RetryGate(new Backoff(Backoff.INITIAL, Backoff.MAX, new Random(7)));

        Duration wait = gate.failed(new ServerRefusal(503, "busy", Duration.ofSeconds(30)));

        assertThat(wait).isEqualTo(Duration.ofSeconds(30));
        assertThat(gate.open()).isFalse();
    }

    @Test
    void opensAgainAtOnceAfterASuccess() {
        RetryGate gate = new RetryGate(new Backoff(Backoff.INITIAL, Backoff.MAX, new Random(7)));
        assertThat(gate.failed(new IOException("refused")).toMillis()).isBetween(500L, 1500L);

        gate.succeeded();

        assertThat(gate.open()).isTrue();
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:12:00Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 03:13:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    }
}
