package io.railcast.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.ProtocolExamples;
import io.railcast.agent.protocol.ScheduleJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example schedule: on air 03:00-04:00 and 05:00-06:00 UTC, dark 04:00-05:00, fallback from 06:00. */
class ClockPlaybackTest {

    private ClockPlayback playback;

    @BeforeEach
    void readExample() throws IOException {
        playback = new ClockPlayback(ScheduleJson.parse(ProtocolExamples.example()));
    }

    private static Instant clock(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC).instant();
    }

    @Test
    void showsTheSpotWhoseOffsetCoversTheSecondsIntoTheHour() {
        OnScreen onScreen = playback.at(clock("2026-11-24T03:00:16.500Z"));

        assertThat(onScreen.spot().creative()).isEqualTo("CR-0100");
        assertThat(onScreen.start()).isEqualTo(Instant.parse("2026-11-24T03:00:15Z"));
        assertThat(onScreen.end()).isEqualTo(Instant.parse("2026-11-24T03:00:20Z"));
        assertThat(onScreen.version()).isEqualTo(42);
        assertThat(onScreen.fallback()).isFalse();
    }

    @Test
    void aSpotOwnsItsStartInstantAndNotItsEnd() {
        assertThat(playback.at(clock("2026-11-24T03:00:00Z")).spot().creative()).isEqualTo("CR-0001");
        assertThat(playback.at(clock("2026-11-24T03:00:14.999Z")).spot().creative())
                .isEqualTo("CR-0001");
        assertThat(playback.at(clock("2026-11-24T03:00:15Z")).spot().creative()).isEqualTo("CR-0100");
    }

    @Test
    void anAgentRestartedMidSpotResumesTheSameSlotAsOneThatNeverStopped() throws IOException {
        OnScreen sinceTheHour = playback.at(clock("2026-11-24T03:00:02Z"));
        ClockPlayback restarted = new ClockPlayback(ScheduleJson.parse(ProtocolExamples.example()));

        OnScreen afterRestart = restarted.at(clock("2026-11-24T03:00:09.250Z"));

        assertThat(afterRestart.sameSlot(sinceTheHour)).isTrue();
        assertThat(afterRestart.end()).isEqualTo(Instant.parse("2026-11-24T03:00:15Z"));
    }

    @Test
    void anHourAbsentFromTheScheduleIsDarkUntilTheNextListedHour() {
        OnScreen onScreen = playback.at(clock("2026-11-24T04:30:00Z"));

        assertThat(onScreen.isDark()).isTrue();
        assertThat(onScreen.end()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    }

    @Test
    void theHourAfterADarkHourPlaysItsPlanFromTheTop() {
        assertThat(playback.at(clock("2026-11-24T05:00:00Z")).spot().creative()).isEqualTo("CR-0001");
    }

    @Test
    void afterTheHorizonTheFallbackLoopsByTheClockInsteadOfGoingDark() {
        OnScreen first = playback.at(clock("2026-11-24T06:00:03Z"));
        OnScreen secondRound = playback.at(clock("2026-11-24T06:00:33Z"));
        OnScreen daysLater = playback.at(clock("2026-11-27T11:17:12Z"));

        assertThat(first.fallback()).isTrue();
        assertThat(first.spot().creative()).isEqualTo("CR-0100");
        assertThat(first.start()).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        assertThat(secondRound.spot().creative()).isEqualTo("CR-0100");
        assertThat(secondRound.start()).isEqualTo(Instant.parse("2026-11-24T06:00:30Z"));
        // 17 min 12 s = 34 loops of 30 s + 12 s: the second filler, started at 11:17:10
        assertThat(daysLater.spot().creative()).isEqualTo("CR-0101");
        assertThat(daysLater.start()).isEqualTo(Instant.parse("2026-11-27T11:17:10Z"));
        assertThat(daysLater.end()).isEqualTo(Instant.parse("2026-11-27T11:17:30Z"));
    }

    @Test
    void aFallbackSpotReadAgainLaterInItsSlotIsTheSameSlotSoThePlayerDoesNotShowItAgain() {
        OnScreen first = playback.at(Instant.parse("2026-11-27T11:17:12.000123456Z"));
        OnScreen again = playback.at(Instant.parse("2026-11-27T11:17:13.400987654Z"));

        assertThat(again.sameSlot(first)).isTrue();
        assertThat(again.start()).isEqualTo(Instant.parse("2026-11-27T11:17:10Z"));
    }

    @Test
    void theFallbackLoopRestartsAtEveryHourSoAllScreensAgreeWithoutHistory() {
        // 3600 s is 120 loops of 30 s: the hour starts a loop either way, but a loop cut by the hour is cut, not
        // shifted
        OnScreen atTheHour = playback.at(clock("2026-11-24T07:00:00.001Z"));

        assertThat(atTheHour.start()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    }

    @Test
    void aScreenOnAirForPartOfTheHourIsDarkUntilItsWindowOpensAndAfterItCloses() throws IOException {
        String body = ProtocolExamples.exampleText()
                .replace(
                        "\"9f2c1a\": {\n      \"onAir\": {\"from\": 0, \"to\": 3600}",
                        "\"9f2c1a\": {\n      \"onAir\": {\"from\": 600, \"to\": 1800}")
                .replace("{\"offset\": 0, \"duration\": 15", "{\"offset\": 600, \"duration\": 15")
                .replace("{\"offset\": 15, \"duration\": 5", "{\"offset\": 615, \"duration\": 5")
                .replace("{\"offset\": 20, \"duration\": 3580", "{\"offset\": 620, \"duration\": 1180");
        ClockPlayback partTime = new ClockPlayback(ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8)));

        OnScreen beforeTheWindow = partTime.at(clock("2026-11-24T03:05:00Z"));
        OnScreen inTheWindow = partTime.at(clock("2026-11-24T03:10:01Z"));
        OnScreen afterTheWindow = partTime.at(clock("2026-11-24T03:40:00Z"));

        assertThat(beforeTheWindow.isDark()).isTrue();
        assertThat(beforeTheWindow.end()).isEqualTo(Instant.parse("2026-11-24T03:10:00Z"));
        assertThat(inTheWindow.spot().creative()).isEqualTo("CR-0001");
        assertThat(afterTheWindow.isDark()).isTrue();
        assertThat(afterTheWindow.end()).isEqualTo(Instant.parse("2026-11-24T04:00:00Z"));
    }
}
