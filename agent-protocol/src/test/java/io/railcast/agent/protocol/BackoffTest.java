package io.railcast.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromOneSecondToFifteenWithinFiftyPercentEitherWay() {
        Backoff backoff = new Backoff(Backoff.INITIAL, Backoff.MAX, new Random(7));
        long[] bases = {1, 2, 4, 8, 15, 15, 15, 15};

        for (long base : bases) {
            assertThat(backoff.next().toMillis()).isBetween(base * 500, base * 1500);
        }
    }

    @Test
    void spreadsTheWaitsOfScreensThatFailedTogether() {
        // java.util.Random seeded 0, 1, 2... draws nearly the same first value: agents must not seed by sequence
        List<Duration> firstWaits = new ArrayList<>();
        for (int screen = 0; screen < 20; screen++) {
            firstWaits.add(new Backoff().next()); // as each agent makes it
        }

        assertThat(firstWaits.stream().distinct().count()).isGreaterThan(15);
    }

    @Test
    void startsOverAfterASuccess() {
        Backoff backoff = new Backoff(Backoff.INITIAL, Backoff.MAX, new Random(7));
        for (int i = 0; i < 6; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next().toMillis()).isBetween(500L, 1500L);
    }

    @Test
    void neverWaitsLessThanTheServersRetryAfter() {
        Backoff backoff = new Backoff(Backoff.INITIAL, Backoff.MAX, new Random(7));

        assertThat(backoff.nextAtLeast(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
