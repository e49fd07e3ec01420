package io.railcast.agent;

import static io.railcast.agent.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole agent with its cache directory on a disk that fills up (a real file system in memory, Jimfs, of 4 MB,
 * filled by another file as logs or another program fill a player's disk) against a stand-in server: it keeps
 * playing, switches to a new version whose media it holds though it cannot store the version, and its plays reach the
 * server from memory, each once.
 */
class FullCacheTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");
    private static final Timings FAST = new Timings(
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofSeconds(3));

    private final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), HOUR.plusSeconds(10)));
    private final Lines screen = new Lines();
    private FileSystem disk;
    private Path filler;
    private FakeScheduler server;
    private PlayerAgent agent;

    @BeforeEach
    void start() throws IOException {
        disk = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setBlockSize(4096)
                .setMaxSize(4 << 20)
                .build());
        filler = disk.getPath("/var/filler");
        Files.createDirectories(filler.getParent());
        server = new FakeScheduler(clock);
    }

    @AfterEach
    void stop() throws IOException {
        if (agent != null) {
            agent.close();
        }
        server.close();
        disk.close();
    }

    @Test
    void aFullDiskStopsNeitherPlaysNorANewVersion() throws Exception {
        server.publish(TestSchedule.of(42, HOUR, HOUR, 3, "CR-A", "CR-B"));
        agent = PlayerAgent.newBuilder(AgentConfig.newBuilder()
                        .server(server.uri())
                        .token("screen-token")
                        .cacheDirectory(disk.getPath("/var/cache/railcast"))
                        .build())
                .clock(clock)
                .playLog(screen.printStream())
                .timings(FAST)
                .build();
        agent.start();
        assertThat(agent.awaitFirstSpot(Duration.ofSeconds(10))).isTrue();
        await(() -> server.plays().size() >= 2, Duration.ofSeconds(10));

        fillDisk();
        TestSchedule urgent = TestSchedule.of(43, clock.instant(), HOUR, 3, "CR-B", "CR-A");
        server.publish(urgent);
        server.announce(urgent, true);

        await(() -> !screen.containing(" v43 ").isEmpty(), Duration.ofSeconds(10));
        await(() -> versions().stream().filter(v -> v == 43).count() >= 3, Duration.ofSeconds(10));
        Path stored = disk.getPath("/var/cache/railcast/schedule");
        try (var files = Files.list(stored)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file))
                        .as("%s stores version 43", file)
                        .doesNotContainPattern("\"version\"\\s*:\\s*43\\b");
            }
        }

        Files.delete(filler);
        int shown = screen.containing(" PLAY ").size();
        await(() -> server.plays().size() >= shown, Duration.ofSeconds(10));
        agent.close();
        agent = null;
        assertThat(server.duplicates()).as("plays sent twice").isZero();
    }

    private List<Long> versions() {
        return server.plays().stream()
                .map(play -> {
                    try {
                        return JsonObject.parse(play.getBytes()).integer("scheduleVersion");
                    } catch (MalformedMessage e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private void fillDisk() {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // as full as it gets
        }
    }
}
