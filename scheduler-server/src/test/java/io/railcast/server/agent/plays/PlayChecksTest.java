package io.railcast.server.agent.plays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlayChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:12:00Z");
    private static final String ID = "4b0c8a4e-1f0e-4a55-9a0e-0c6f3c1d2b11";

    private final PlayChecks checks = new PlayChecks(Duration.ofDays(90), Duration.ofHours(1));

    @Test
    void acceptsTheProtocolsExample() {
        Play play = checks.check(report(ID, "BJN-LCD-0001", NOW.minusSeconds(720), 15_004L), "BJN-LCD-0001", NOW);
        assertThat(play.playId()).isEqualTo(UUID.fromString(ID));
        assertThat(play.durationMillis()).isEqualTo(15_004);
        assertThat(play.scheduleVersion()).isEqualTo(42L);
    }

    @Test
    void rejectsAPlayOfAnotherScreen() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> checks.check(report(ID, "BJN-LCD-0002", NOW, 1L), "BJN-LCD-0001", NOW))
                .withMessage("screenId BJN-LCD-0002 is not the calling screen BJN-LCD-0001");
    }

    @Test
    void rejectsAPlayIdThatIsNotAUuid() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> checks.check(report("1-2-3-4-5", "S", NOW, 1L), "S", NOW))
                .withMessage("playId must be a UUID, got 1-2-3-4-5");
    }

    @Test
    void rejectsAPlayOutsideTheDaysWeKeep() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> checks.check(report(ID, "S", NOW.plus(Duration.ofHours(2)), 1L), "S", NOW))
                .withMessageContaining("ahead of the server's clock");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> checks.check(report(ID, "S", NOW.minus(Duration.ofDays(91)), 1L), "S", NOW))
                .withMessageContaining("older than 90 days");
    }

    @Test
    void rejectsADurationLongerThanAnHour() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> checks.check(report(ID, "S", NOW, 3_600_001L), "S", NOW))
                .withMessageStartingWith("durationMillis must be between 0 and 3600000");
    }

    private static PlayReport report(String playId, String screenId, Instant startedAt, Long durationMillis) {
        return new PlayReport(playId, screenId, "C-0001", "CR-0001", startedAt, durationMillis, 42L);
    }
}
