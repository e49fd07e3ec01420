package io.railcast.agent;

import static io.railcast.agent.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent whose own clock is set an hour forward and then an hour back while it plays, against a stand-in
 * server that keeps the right time: what is on screen and the plays it reports stay on the server's time, and its
 * heartbeat reports the new offset. Heartbeats come every 30 s here, so nothing in the test waits for one to correct
 * the clock.
 */
class ClockJumpTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");
    private static final Timings SLOW_HEARTBEAT = new Timings(
            Duration.ofMillis(200),
            Duration.ofSeconds(30),
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofSeconds(3));

    @TempDir
    Path cache;

    private final Clock server = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), HOUR.plusSeconds(10)));
    private final AtomicReference<Duration> setBy = new AtomicReference<>(Duration.ZERO);
    private final Lines screen = new Lines();
    private FakeScheduler scheduler;
    private PlayerAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }

    @Test
    void aLocalClockSetAnHourEitherWayChangesNeitherWhatPlaysNorTheReportedTimes() throws Exception {
        scheduler = new FakeScheduler(server);
        scheduler.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        agent = PlayerAgent.newBuilder(AgentConfig.newBuilder()
                        .server(scheduler.uri())
                        .token("screen-token")
                        .cacheDirectory(cache)
                        .build())
                .clock(new SetClock())
                .playLog(screen.printStream())
                .timings(SLOW_HEARTBEAT)
                .build();
        agent.start();
        assertThat(agent.awaitFirstSpot(Duration.ofSeconds(10))).isTrue();
        await(() -> scheduler.statuses().size() >= 2, Duration.ofSeconds(10)); // the second carries the offset
        assertThat(scheduler.statuses().get(1).integer("clockOffsetMillis")).isBetween(-500L, 500L);
        int before = screen.containing(" PLAY ").size();

        setBy.set(Duration.ofHours(1));
        await(() -> screen.containing(" PLAY ").size() >= before + 3, Duration.ofSeconds(10));
        setBy.set(Duration.ofHours(-1));
        await(() -> screen.containing(" PLAY ").size() >= before + 6, Duration.ofSeconds(10));
        int shown = screen.all().size();
        await(() -> scheduler.plays().size() >= before + 5, Duration.ofSeconds(10));

        List<String> lines = screen.all().subList(0, shown);
        assertThat(lines).noneMatch(line -> line.contains(" DARK ") || line.contains(" FALLBACK "));
        for (String line :
                lines.stream().filter(line -> line.contains(" PLAY ")).toList()) {
            Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
            assertThat(at).as(line).isBetween(HOUR.plusSeconds(9), server.instant());
            long second = Duration.between(HOUR, at.plusMillis(100)).toSeconds();
            assertThat(line).as("second %d", second).contains(second % 2 == 0 ? "CR-A" : "CR-B");
        }
        for (String play : scheduler.plays()) {
            assertThat(startedAt(play)).as(play).isBetween(HOUR.plusSeconds(9), server.instant());
        }
        agent.close();
        agent = null;
    }

    private static Instant startedAt(String play) {
        try {
            return JsonObject.parse(play.getBytes()).instant("startedAt");
        } catch (MalformedMessage e) {
            throw new IllegalStateException(e);
        }
    }

    /** The box's own clock: the right time, set forward or back by {@link #setBy}. */
    private final class SetClock extends Clock {

        @Override
        public Instant instant() {
            return server.instant().plus(setBy.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
