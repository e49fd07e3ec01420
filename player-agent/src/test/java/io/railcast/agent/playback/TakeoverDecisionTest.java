package io.railcast.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.TestSchedule;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.ScheduleJson;
import io.railcast.agent.protocol.Takeover;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The display decision: a takeover is shown instead of the schedule while active, and the schedule resumes after. */
class TakeoverDecisionTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");
    private static final MediaFile ALERT =
            new MediaFile("CR-ALERT", "/agent/v1/media/CR-ALERT", "a".repeat(64), 10, 10);

    private Programme programme;

    @BeforeEach
    void playingASchedule() throws Exception {
        programme = new Programme();
        programme.offer(ScheduleJson.parse(
                TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B").json().getBytes(StandardCharsets.UTF_8)));
    }

    private static Takeover notice(String id, int fromSecond, Integer untilSecond) {
        return new Takeover(
                id,
                HOUR.plusSeconds(fromSecond),
                untilSecond == null ? null : HOUR.plusSeconds(untilSecond),
                false,
                "Platform 3 closed",
                null);
    }

    @Test
    void anActiveTakeoverIsShownInsteadOfTheScheduleUntilItsEnd() {
        programme.takeover(notice("T-1", 100, 200));

        OnScreen during = programme.at(HOUR.plusSeconds(150));

        assertThat(during.isTakeover()).isTrue();
        assertThat(during.isDark()).isFalse();
        assertThat(during.takeover().id()).isEqualTo("T-1");
        assertThat(during.end()).isEqualTo(HOUR.plusSeconds(200));
        assertThat(during.version()).isEqualTo(42);
    }

    @Test
    void theSpotOnScreenIsCutWhereATakeoverBeginsAndTheScheduleResumesByTheClockAfter() {
        OnScreen withoutTakeover = programme.at(HOUR.plusMillis(100_500));
        programme.takeover(notice("T-1", 101, 200));

        OnScreen before = programme.at(HOUR.plusMillis(100_500));
        OnScreen after = programme.at(HOUR.plusSeconds(200));

        assertThat(before.isTakeover()).isFalse();
        assertThat(before.end()).isEqualTo(HOUR.plusSeconds(101));
        assertThat(after.isTakeover()).isFalse();
        assertThat(after.spot()).isNotNull();
        assertThat(programme.at(HOUR.plusSeconds(200)).sameSlot(after)).isTrue();
        assertThat(withoutTakeover.spot()).isEqualTo(before.spot());
    }

    @Test
    void aCancellationEndsTheTakeoverEarlierAndALaterWordThatDoesNotWins() {
        programme.takeover(notice("T-1", 0, null));
        programme.takeover(new Takeover("T-1", HOUR, HOUR.plusSeconds(60), true, "Platform 3 closed", null));

        programme.takeover(notice("T-1", 0, null)); // a schedule answer made before the cancellation

        assertThat(programme.at(HOUR.plusSeconds(30)).isTakeover()).isTrue();
        assertThat(programme.at(HOUR.plusSeconds(30)).end()).isEqualTo(HOUR.plusSeconds(60));
        assertThat(programme.at(HOUR.plusSeconds(61)).isTakeover()).isFalse();
    }

    @Test
    void whenTakeoversOverlapTheOneThatBeganLastIsShown() {
        programme.takeover(notice("T-1", 0, 600));
        programme.takeover(new Takeover("T-2", HOUR.plusSeconds(100), HOUR.plusSeconds(200), false, null, ALERT));

        assertThat(programme.at(HOUR.plusSeconds(50)).end()).isEqualTo(HOUR.plusSeconds(100));
        assertThat(programme.at(HOUR.plusSeconds(150)).takeover().id()).isEqualTo("T-2");
        assertThat(programme.at(HOUR.plusSeconds(250)).takeover().id()).isEqualTo("T-1");
    }

    @Test
    void aForgottenTakeoverGivesTheScreenBackToTheSchedule() {
        programme.takeover(notice("T-1", 0, null));

        programme.forgetTakeover("T-1");

        assertThat(programme.at(HOUR.plusSeconds(30)).isTakeover()).isFalse();
    }

    @Test
    void anOpenTakeoverIsLookedAtAgainWithinAMinute() {
        programme.takeover(notice("T-1", 0, null));

        assertThat(programme.at(HOUR.plusSeconds(30)).end()).isEqualTo(HOUR.plusSeconds(90));
    }
}
