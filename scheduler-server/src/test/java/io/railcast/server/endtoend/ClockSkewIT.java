package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents whose own clocks are 5 minutes ahead and 5 minutes behind the server's: each reports its offset in its
 * heartbeat (stored in {@code screen_status}), and each plays by the server's clock, not its own. The operators'
 * summary ({@code GET /api/v1/screens/status}) counts both as clock-skewed: the agent corrects for the offset, but
 * the box's own time source is broken.
 */
class ClockSkewIT extends EndToEndTest {

    @Test
    void reportsASkewOfFiveMinutesEitherWayAndPlaysByTheServersClock() throws Exception {
        Duration skew = Duration.ofMinutes(5);
        String ahead = screenOnAir();
        String behind = screenOnAir();
        ScreenLog aheadShown = new ScreenLog();
        ScreenLog behindShown = new ScreenLog();
        startAgent(
                config(issueToken(ahead), temp.resolve("ahead")).build(),
                Clock.offset(Clock.systemUTC(), skew),
                aheadShown);
        startAgent(
                config(issueToken(behind), temp.resolve("behind")).build(),
                Clock.offset(Clock.systemUTC(), skew.negated()),
                behindShown);

        // offset = server clock - agent clock: negative when the agent is ahead
        awaitOffset(ahead, -skew.toMillis());
        awaitOffset(behind, skew.toMillis());
        Instant reported = Instant.now();
        admin().get()
                .uri("/api/v1/screens/status")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.attention[?(@.screenId == '" + ahead + "')].clockSkewed")
                .isEqualTo(List.of(true))
                .jsonPath("$.attention[?(@.screenId == '" + behind + "')].clockSkewed")
                .isEqualTo(List.of(true));
        for (ScreenLog shown : List.of(aheadShown, behindShown)) {
            await(
                    "a spot shown after the offset was measured",
                    Duration.ofSeconds(40),
                    () -> shown.plays().stream().anyMatch(play -> play.seenAt().isAfter(reported)));
        }
        for (var agent : Map.of(ahead, aheadShown, behind, behindShown).entrySet()) {
            for (ScreenLog.Shown play : agent.getValue().plays()) {
                if (play.seenAt().isAfter(reported)) {
                    assertThat(Duration.between(play.seenAt(), play.at()).abs())
                            .as(play.line())
                            .isLessThan(Duration.ofSeconds(1));
                    assertThat(asPlanned(play)).as(play.line()).isEqualTo(plannedSpot(agent.getKey(), play));
                }
            }
        }
    }

    private void awaitOffset(String screen, long millis) throws InterruptedException {
        await("a heartbeat of " + screen + " reporting " + millis + " ms", Duration.ofSeconds(20), () -> {
            Map<String, Object> status = status(screen);
            // the first heartbeat carries no offset: the agent has not measured one yet
            return status.get("clock_offset_millis") instanceof Number offset
                    && Math.abs(offset.longValue() - millis) < 2000;
        });
    }
}
