package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.Takeover;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentTakeoversTest {

    private static final long STARTED = 1_000_000;

    private final AgentTakeovers takeovers = new AgentTakeovers();

    private static Takeover notice(Long until, boolean cancelled) {
        return new Takeover(
                "T1",
                Instant.ofEpochMilli(STARTED),
                until == null ? null : Instant.ofEpochMilli(until),
                cancelled,
                "Evacuate hall B",
                null);
    }

    @Test
    void holdsATakeoverOnceReadyAndOnlyOnce() {
        assertThat(takeovers.told(notice(null, false), STARTED + 10)).isTrue();
        assertThat(takeovers.heldAt("T1")).isEqualTo(-1);
        takeovers.held("T1", STARTED + 12);
        takeovers.held("T1", STARTED + 50);
        assertThat(takeovers.told(notice(null, false), STARTED + 60)).isFalse();
        assertThat(takeovers.heldAt("T1")).isEqualTo(STARTED + 12);
        assertThat(takeovers.backOnScheduleAt("T1", STARTED + 1_000)).isEqualTo(-1);
    }

    @Test
    void isBackOnScheduleWhenItHearsOfTheCancellation() {
        takeovers.told(notice(null, false), STARTED);
        takeovers.held("T1", STARTED);
        takeovers.told(notice(STARTED + 5_000, true), STARTED + 5_300);
        assertThat(takeovers.backOnScheduleAt("T1", STARTED + 5_300)).isEqualTo(STARTED + 5_300);
        // the schedule answer telling the same end later changes nothing
        takeovers.told(notice(STARTED + 5_000, true), STARTED + 9_000);
        assertThat(takeovers.backOnScheduleAt("T1", STARTED + 9_000)).isEqualTo(STARTED + 5_300);
    }

    @Test
    void isBackOnScheduleAtAnEndItKnewOfBeforehand() {
        takeovers.told(notice(STARTED + 60_000, false), STARTED);
        takeovers.held("T1", STARTED);
        assertThat(takeovers.backOnScheduleAt("T1", STARTED + 59_999)).isEqualTo(-1);
        assertThat(takeovers.backOnScheduleAt("T1", STARTED + 70_000)).isEqualTo(STARTED + 60_000);
    }

    @Test
    void neverHoldsATakeoverFirstHeardOfAsOver() {
        assertThat(takeovers.told(notice(STARTED + 100, true), STARTED + 200)).isFalse();
        assertThat(takeovers.heldAt("T1")).isEqualTo(-1);
        assertThat(takeovers.backOnScheduleAt("T1", STARTED + 200)).isEqualTo(STARTED + 200);
    }
}
