package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent SIGKILLed in the middle of an upload of plays, then started again on the same cache: the server stored
 * the batch but the agent never heard so. The agent runs as a child JVM (a JVM cannot SIGKILL itself), through an
 * {@link AgentProxy} that forwards the upload to the server and keeps the answer back, so the kill lands exactly
 * between the server's commit and the agent's acknowledgement, the moment a random kill would rarely hit.
 */
class AgentKillIT extends EndToEndTest {

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void losesNoPlayAndStoresNoneTwiceWhenKilledMidUpload() throws Exception {
        String screen = screenOnAir();
        String token = issueToken(screen);
        Path cache = temp.resolve("cache");
        try (AgentProxy proxy = new AgentProxy(server())) {
            Path firstRun = temp.resolve("first.out");
            Process first = agentJvm(proxy, token, cache, firstRun);
            await(
                    "two spots on screen",
                    Duration.ofSeconds(60),
                    () -> ScreenLog.read(firstRun).stream()
                                    .filter(ScreenLog.Shown::isPlay)
                                    .count()
                            >= 3);

            String heldAnswer = proxy.holdNextPlaysAnswer().get(30, TimeUnit.SECONDS);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no journal close
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> stored = answer(heldAnswer, "accepted");
            assertThat(stored)
                    .as("plays the server stored and the agent never heard of: %s", heldAnswer)
                    .isNotEmpty();
            Instant killed = Instant.now();

            Path secondRun = temp.resolve("second.out");
            agentJvm(proxy, token, cache, secondRun);
            await(
                    "the restarted agent to send the unacknowledged plays again",
                    Duration.ofSeconds(30),
                    () -> proxy.calls().stream()
                            .anyMatch(call -> call.at().isAfter(killed)
                                    && call.playsAnswer() != null
                                    && answer(call.playsAnswer(), "duplicates").containsAll(stored)));

            // every spot either run showed and ended (the one cut by the kill included) is stored exactly once
            await(
                    "two spots of the restarted agent to end",
                    Duration.ofSeconds(60),
                    () -> ScreenLog.read(secondRun).stream()
                                    .filter(shown ->
                                            shown.isPlay() && shown.end().isBefore(Instant.now()))
                                    .count()
                            >= 2);
            Instant cutoff = Instant.now();
            List<ScreenLog.Shown> plays = new ArrayList<>(ScreenLog.read(firstRun));
            plays.addAll(ScreenLog.read(secondRun));
            plays.removeIf(play -> !play.isPlay() || !play.end().isBefore(cutoff));
            Instant lastEnded = plays.get(plays.size() - 1).at();
            List<String> expected = plays.stream()
                    .map(play -> play.at() + " " + play.creative())
                    .sorted()
                    .toList();
            await(
                    "every ended spot stored",
                    Duration.ofSeconds(20),
                    () -> storedPlays(screen, lastEnded).containsAll(expected));
            assertThat(storedPlays(screen, lastEnded))
                    .as("no play stored twice, none that was not shown")
                    .containsExactlyElementsOf(expected);
            Long distinctIds = sql().queryForObject(
                            "select count(distinct play_id) - count(*) from play_record where screen_id = ?",
                            Long.class,
                            screen);
            assertThat(distinctIds).isZero();
            Map<String, Object> cut = sql().queryForMap(
                            "select count(*) as plays from play_record where screen_id = ?"
                                    + " and duration_millis = 0 and started_at < ?",
                            screen,
                            Timestamp.from(killed));
            assertThat(((Number) cut.get("plays")).longValue())
                    .as("the spot cut by the kill, reported as 0 ms")
                    .isEqualTo(1);
        }
    }

    /** The rows of play_record for the screen started up to {@code until}, as "startedAt creative", sorted. */
    private List<String> storedPlays(String screen, Instant until) {
        return sql()
                .queryForList(
                        "select started_at, creative_id from play_record where screen_id = ?"
                                + " and started_at <= ? order by started_at, creative_id",
                        screen,
                        Timestamp.from(until))
                .stream()
                .map(row -> ((Timestamp) row.get("started_at")).toInstant() + " " + row.get("creative_id"))
                .sorted()
                .toList();
    }

    /** One list of an answer to an upload of plays: accepted or duplicates. */
    @SuppressWarnings("unchecked")
    private static List<String> answer(String json, String list) {
        return (List<String>)
                JsonMapper.builder().build().readValue(json, Map.class).get(list);
    }

    /** The agent as a child JVM with the test class path: what plays goes to {@code out}, its log beside it. */
    private Process agentJvm(AgentProxy proxy, String token, Path cache, Path out) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx64m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.railcast.agent.AgentHarness",
                        "--server",
                        proxy.uri().toString(),
                        "--token",
                        token,
                        "--cache",
                        cache.toString(),
                        "--horizon-hours",
                        "24")
                .redirectOutput(out.toFile())
                .redirectError(Path.of(out + ".log").toFile())
                .start();
        children.add(child);
        Files.createDirectories(cache);
        return child;
    }
}
