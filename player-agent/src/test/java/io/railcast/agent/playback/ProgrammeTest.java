package io.railcast.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.TestSchedule;
import io.railcast.agent.protocol.MalformedMessage;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduleJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");

    private static Schedule version(long version, Instant effectiveAt, String... creatives) throws MalformedMessage {
        TestSchedule test = TestSchedule.of(version, effectiveAt, HOUR, 3, creatives);
        return ScheduleJson.parse(test.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theFirstVersionPlaysAtOnceEvenBeforeItsInstantSinceThereIsNothingElse() throws Exception {
        Programme programme = new Programme();

        programme.offer(version(42, HOUR.plusSeconds(600), "CR-A"));

        assertThat(programme.at(HOUR.plusSeconds(10)).version()).isEqualTo(42);
    }

    @Test
    void aScheduledVersionWaitsForItsInstantAndCutsTheSpotOnScreenThere() throws Exception {
        Programme programme = new Programme();
        programme.offer(version(42, HOUR, "CR-A"));
        Instant switchAt = HOUR.plusMillis(20_400);

        programme.offer(version(43, switchAt, "CR-B"));

        OnScreen before = programme.at(HOUR.plusMillis(20_100));
        assertThat(before.version()).isEqualTo(42);
        assertThat(before.end()).isEqualTo(switchAt);
        OnScreen after = programme.at(switchAt);
        assertThat(after.version()).isEqualTo(43);
        assertThat(after.spot().creative()).isEqualTo("CR-B");
        assertThat(programme.next()).isNull();
    }

    @Test
    void anUrgentVersionWhoseInstantHasPassedTakesOverAtTheNextLook() throws Exception {
        Programme programme = new Programme();
        programme.offer(version(42, HOUR, "CR-A"));

        programme.offer(version(43, HOUR.plusSeconds(5), "CR-B"));

        assertThat(programme.at(HOUR.plusSeconds(9)).version()).isEqualTo(43);
        assertThat(programme.active().version()).isEqualTo(43);
    }

    @Test
    void ignoresAVersionOlderThanTheOneItHas() throws Exception {
        Programme programme = new Programme();
        programme.offer(version(43, HOUR, "CR-B"));

        assertThat(programme.offer(version(42, HOUR, "CR-A"))).isFalse();
        assertThat(programme.at(HOUR.plusSeconds(1)).version()).isEqualTo(43);
    }

    @Test
    void aNewerWaitingVersionReplacesTheOneWaitingBeforeIt() throws Exception {
        Programme programme = new Programme();
        programme.offer(version(42, HOUR, "CR-A"));
        programme.offer(version(43, HOUR.plusSeconds(60), "CR-B"));

        programme.offer(version(44, HOUR.plusSeconds(30), "CR-C"));

        assertThat(programme.at(HOUR.plusSeconds(30)).version()).isEqualTo(44);
        assertThat(programme.at(HOUR.plusSeconds(61)).version()).isEqualTo(44);
    }

    @Test
    void theSameVersionWithAMovedHorizonKeepsTheSpotOnScreenRunning() throws Exception {
        Programme programme = new Programme();
        programme.offer(version(42, HOUR, "CR-A"));
        OnScreen playing = programme.at(HOUR.plusMillis(5_200));

        programme.offer(version(42, HOUR, "CR-A"));

        assertThat(programme.at(HOUR.plusMillis(5_700)).sameSlot(playing)).isTrue();
    }

    @Test
    void aWaitForAnEndHoursAwayReadsTheClockAgainWithinASecondSoAStepOfTheClockIsFollowed() throws Exception {
        Programme programme = new Programme();
        Clock clock = Clock.fixed(HOUR, ZoneOffset.UTC);
        long started = System.nanoTime();

        programme.awaitChange(HOUR.plus(Duration.ofHours(3)), clock);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Programme.CLOCK_RECHECK.multipliedBy(3));
    }
}
