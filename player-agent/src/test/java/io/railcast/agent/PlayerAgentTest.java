package io.railcast.agent;

import static io.railcast.agent.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent against a stand-in server on a loopback port, in real time: schedules of 1-second spots, with the
 * clock set to ten seconds past 03:00 on the day of the protocol's example.
 */
class PlayerAgentTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");
    private static final Timings FAST = new Timings(
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofSeconds(3));

    @TempDir
    Path cache;

    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), HOUR.plusSeconds(10)));
    private final Lines screen = new Lines();
    private FakeScheduler server;
    private PlayerAgent agent;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeScheduler(clock);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        server.close();
    }

    private PlayerAgent agent(String token) throws IOException {
        AgentConfig config = AgentConfig.newBuilder()
                .server(server.uri())
                .token(token)
                .cacheDirectory(cache)
                .build();
        agent = PlayerAgent.newBuilder(config)
                .clock(clock)
                .playLog(screen.printStream())
                .timings(FAST)
                .build();
        agent.start();
        return agent;
    }

    private PlayerAgent startedAgent() throws IOException, InterruptedException {
        agent("screen-token");
        assertThat(agent.awaitFirstSpot(Duration.ofSeconds(10))).isTrue();
        return agent;
    }

    @Test
    void fetchesTheScheduleAndItsMediaThenPlaysByTheClock() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));

        startedAgent();
        await(() -> screen.all().size() >= 3, Duration.ofSeconds(10));

        // second 10 + n of the hour plays creative n mod 2
        for (String line : screen.containing(" PLAY ")) {
            Instant at = Instant.parse(line.substring(0, line.indexOf(' ')));
            long second = Duration.between(HOUR, at.plusMillis(100)).toSeconds(); // a line is printed just after
            assertThat(line)
                    .contains(second % 2 == 0 ? "C-CR-A/CR-A" : "C-CR-B/CR-B")
                    .contains(" v42 ");
        }
        assertThat(cache.resolve("media"))
                .isDirectoryContaining(p -> p.getFileName().toString().length() == 64);
    }

    @Test
    void uploadsEveryPlayWithItsStableIdAndRealLength() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();

        await(() -> server.plays().size() >= 4, Duration.ofSeconds(10));

        String whole = server.plays().get(2);
        JsonObject play = JsonObject.parse(whole.getBytes());
        assertThat(play.string("screenId")).isEqualTo("BJN-LCD-0001");
        assertThat(play.integer("scheduleVersion")).isEqualTo(42);
        // a 1-second spot, give or take how late a busy machine wakes the player at its start and at its end
        assertThat(play.integer("durationMillis")).isBetween(700L, 1300L);
        assertThat(play.instant("startedAt").toEpochMilli() % 1000).isLessThan(300);
        assertThat(play.string("creative")).isIn("CR-A", "CR-B");
        assertThat(play.string("startedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
    }

    @Test
    void anUrgentVersionIsOnScreenWithinSecondsOfItsEvent() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();
        await(() -> server.openStreams() > 0, Duration.ofSeconds(10));
        TestSchedule urgent = TestSchedule.of(43, clock.instant(), HOUR, 3, "CR-URGENT");

        server.publish(urgent);
        long announced = System.nanoTime();
        server.announce(urgent, true);

        await(() -> !screen.containing(" v43 ").isEmpty(), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - announced)).isLessThan(Duration.ofSeconds(3));
        assertThat(screen.containing(" v43 ").get(0)).contains("CR-URGENT");
    }

    @Test
    void aScheduledVersionTakesOverAtItsExactInstantCuttingTheSpotThen() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();
        Instant at = clock.instant()
                .plusSeconds(3)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusMillis(500);
        TestSchedule scheduled = TestSchedule.of(43, at, HOUR, 3, "CR-NEXT");

        server.publish(scheduled);
        server.announce(scheduled, false);

        await(() -> !screen.containing(" v43 ").isEmpty(), Duration.ofSeconds(10));
        String first = screen.containing(" v43 ").get(0);
        Instant shown = Instant.parse(first.substring(0, first.indexOf(' ')));
        // the player's deadline is the instant itself; the margin is for a machine busy with other builds
        assertThat(Duration.between(at, shown)).isBetween(Duration.ZERO, Duration.ofMillis(300));
        assertThat(first).contains("joined 5"); // half way into the second that CR-NEXT owns
        List<String> before = screen.all().subList(0, screen.all().indexOf(first));
        assertThat(before).noneMatch(line -> line.contains("CR-NEXT"));
    }

    @Test
    void neverSwitchesToAVersionWhoseMediaFailsVerification() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();
        TestSchedule broken = TestSchedule.of(43, clock.instant(), HOUR, 3, "CR-A", "CR-BROKEN");
        server.corrupt("CR-BROKEN");

        server.publish(broken);
        server.announce(broken, true);

        await(() -> server.statuses().stream().anyMatch(s -> missingMedia(s) == 1), Duration.ofSeconds(10));
        Thread.sleep(1000);
        assertThat(screen.containing(" v43 ")).isEmpty();
        assertThat(screen.containing(" v42 ")).isNotEmpty();
    }

    @Test
    void playsOnFromItsCacheWhenTheServerIsGone() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();

        server.close();
        int before = screen.containing(" PLAY ").size();

        await(() -> screen.containing(" PLAY ").size() >= before + 3, Duration.ofSeconds(10));
    }

    @Test
    void aRestartedAgentWithAWarmCachePlaysItsFirstSpotWithinASecondWithoutTheServer() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();
        await(() -> !server.plays().isEmpty(), Duration.ofSeconds(10));
        agent.close();
        server.close();

        long started = System.nanoTime();
        agent("screen-token");
        boolean shown = agent.awaitFirstSpot(Duration.ofSeconds(1));

        assertThat(shown).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aRestartedAgentShowsTheTakeoverItsStoredScheduleAnswerListsWithoutTheServer() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        server.listTakeovers("[{\"id\": \"tk-offline\", \"from\": \""
                + clock.instant().minusSeconds(5) + "\", \"cancelled\": false, \"notice\": \"Hall B is closed\"}]");
        agent("screen-token"); // no spot comes first: the takeover is on screen instead
        await(() -> !screen.containing(" TAKEOVER tk-offline ").isEmpty(), Duration.ofSeconds(10));
        // the takeover is shown as soon as the answer is read; the answer is stored once its media is all here
        await(() -> server.statuses().stream().anyMatch(s -> version(s) == 42), Duration.ofSeconds(10));
        agent.close();
        server.close();
        int before = screen.containing(" TAKEOVER tk-offline ").size();

        agent("screen-token");

        await(() -> screen.containing(" TAKEOVER tk-offline ").size() > before, Duration.ofSeconds(5));
        assertThat(screen.containing(" TAKEOVER tk-offline ").get(before)).contains("NOTICE Hall B is closed");
    }

    @Test
    void fallsBackToTheFillerLoopWhenTheHorizonRunsOutOffline() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, clock.instant().plusSeconds(2), "CR-A", "CR-B"));
        startedAgent();

        server.close();

        await(() -> !screen.containing(" FALLBACK ").isEmpty(), Duration.ofSeconds(10));
        assertThat(screen.containing(" DARK ")).isEmpty();
    }

    @Test
    void reportsTheClockOffsetItMeasuredAndPlaysByTheServersClock() throws Exception {
        server.clockAhead(Duration.ofSeconds(5));
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        startedAgent();

        await(
                () -> server.statuses().stream()
                        .anyMatch(s -> s.has("clockOffsetMillis") && offset(s) > 4_800 && version(s) == 42),
                Duration.ofSeconds(10));
        JsonObject status = server.statuses().stream()
                .filter(s -> s.has("clockOffsetMillis") && version(s) == 42)
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(offset(status)).isBetween(4_800L, 5_200L);
        assertThat(status.integer("scheduleVersion")).isEqualTo(42);
        assertThat(status.integer("cachedFiles")).isEqualTo(2);
    }

    @Test
    void reportsItsClockOffsetAtStartNotAHeartbeatIntervalLater() throws Exception {
        server.clockAhead(Duration.ofSeconds(5));
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        Timings hourlyHeartbeat =
                new Timings(FAST.poll(), Duration.ofHours(1), FAST.upload(), FAST.rollSpread(), FAST.silence());
        AgentConfig config = AgentConfig.newBuilder()
                .server(server.uri())
                .token("screen-token")
                .cacheDirectory(cache)
                .build();
        agent = PlayerAgent.newBuilder(config)
                .clock(clock)
                .playLog(screen.printStream())
                .timings(hourlyHeartbeat)
                .build();
        agent.start();

        await(() -> server.statuses().size() >= 2, Duration.ofSeconds(10));
        // the first heartbeat could not know the offset and says nothing rather than a false 0
        assertThat(server.statuses().get(0).has("clockOffsetMillis")).isFalse();
        assertThat(offset(server.statuses().get(1))).isBetween(4_800L, 5_200L);
    }

    @Test
    void aRevokedTokenStopsEveryCallUntilANewOneIsConfigured() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        server.acceptOnly("another-token");
        Path configFile = cache.resolve("agent.properties");
        java.nio.file.Files.writeString(configFile, "token=screen-token\n");
        AgentConfig config = AgentConfig.newBuilder()
                .server(server.uri())
                .token("screen-token")
                .cacheDirectory(cache)
                .configFile(configFile)
                .build();

        try (LogCapture log = new LogCapture()) {
            agent = PlayerAgent.newBuilder(config)
                    .clock(clock)
                    .playLog(screen.printStream())
                    .timings(FAST)
                    .build();
            agent.start();
            await(
                    () -> log.lines().stream().anyMatch(line -> line.contains("token revoked or unknown")),
                    Duration.ofSeconds(10));
            // The first schedule fetch, stream and heartbeat start together, so one of them may still reach the
            // server after the refusal is logged; none may follow them.
            Thread.sleep(1000); // five polls, five heartbeats and many stream retries at the test's pace
            assertThat(server.server.requests("/agent/v1/schedule").size()).isLessThanOrEqualTo(1);
            assertThat(server.server.requests("/agent/v1/events").size()).isLessThanOrEqualTo(1);
            assertThat(server.server.requests("/agent/v1/status").size()).isLessThanOrEqualTo(1);
        }

        Path edited = java.nio.file.Files.writeString(cache.resolve("agent.properties.new"), "token=another-token\n");
        java.nio.file.Files.move(edited, configFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        assertThat(agent.awaitFirstSpot(Duration.ofSeconds(15)))
                .as(
                        "screen %s, schedule requests %s",
                        screen.all(),
                        server.server.requests("/agent/v1/schedule").stream()
                                .map(r -> r.header("Authorization"))
                                .toList())
                .isTrue();
    }

    private static long missingMedia(JsonObject status) {
        try {
            return status.integer("missingMedia");
        } catch (MalformedMessage e) {
            throw new AssertionError(e);
        }
    }

    private static long version(JsonObject status) {
        try {
            return status.integer("scheduleVersion");
        } catch (MalformedMessage e) {
            throw new AssertionError(e);
        }
    }

    private static long offset(JsonObject status) {
        try {
            return status.integer("clockOffsetMillis");
        } catch (MalformedMessage e) {
            throw new AssertionError(e);
        }
    }
}
