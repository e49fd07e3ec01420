package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Media the agent cannot use: bytes that do not match their checksum, and a cache too small for a new version. */
class MediaCacheIT extends EndToEndTest {

    @Test
    void refusesMediaWhoseChecksumDoesNotMatchAndFetchesItAgainOnceTheServerHasItRight() throws Exception {
        String screen = screenOnAir();
        String token = issueToken(screen);
        Map<String, Object> media = mediaOfSchedule(token, 24).get(0);
        String creative = (String) media.get("creative");
        Path file =
                Path.of(sql().queryForObject("select media_path from creative where id = ?", String.class, creative));
        byte[] good = Files.readAllBytes(file);
        byte[] damaged = good.clone();
        damaged[damaged.length - 1] ^= 0x5a; // same size, other bytes: only the digest tells
        Files.write(file, damaged);
        try {
            Path cache = temp.resolve("cache");
            ScreenLog shown = new ScreenLog();
            startAgent(config(token, cache).build(), shown);
            await(
                    "the agent to refuse " + creative,
                    Duration.ofSeconds(30),
                    () -> agentLog.count(creative + " has SHA-256 ") > 0);
            await(
                    "a heartbeat counting the missing file",
                    Duration.ofSeconds(10),
                    () -> !status(screen).isEmpty() && ((Number) status(screen).get("missing_media")).intValue() >= 1);
            assertThat(shown.plays())
                    .as("nothing of a version with a bad file is played")
                    .isEmpty();
            assertThat(cache.resolve("media").resolve((String) media.get("sha256")))
                    .doesNotExist();

            Files.write(file, good);
            await(
                    "the version to play once the file is right",
                    Duration.ofSeconds(30),
                    () -> !shown.plays().isEmpty());
            assertThat(FirstStartIT.sha256(cache.resolve("media").resolve((String) media.get("sha256"))))
                    .isEqualTo(media.get("sha256"));
            assertThat(shown.lines()).noneMatch(line -> line.contains("MEDIA MISSING"));
        } finally {
            Files.write(file, good);
        }
    }

    @Test
    void keepsPlayingWhatFitsWhenANewVersionDoesNotFitInTheCache() throws Exception {
        String screen = screenOnAir(FULL);
        String token = issueToken(screen);
        long needed = mediaOfSchedule(token, 24).stream()
                .map(media -> Map.entry((String) media.get("sha256"), ((Number) media.get("size")).longValue()))
                .distinct()
                .mapToLong(Map.Entry::getValue)
                .sum();
        long bound = needed + 4096;
        Path cache = temp.resolve("cache");
        ScreenLog shown = new ScreenLog();
        startAgent(config(token, cache).cacheMaxBytes(bound).build(), shown);
        await("a first spot", Duration.ofSeconds(60), () -> !shown.plays().isEmpty());
        long playing = shown.plays().get(0).version();

        long version = bookBigCreative("E2E-FULL", stationOf(screen));
        await(
                "the agent to say its cache is full",
                Duration.ofSeconds(30),
                () -> agentLog.count("cannot hold another") > 0);
        Instant full = Instant.now();
        await(
                "a spot after that",
                Duration.ofSeconds(30),
                () -> shown.plays().stream().anyMatch(play -> play.at().isAfter(full)));
        assertThat(shown.plays()).allSatisfy(play -> assertThat(play.version()).isEqualTo(playing));
        assertThat(agentLog.lines())
                .anyMatch(line -> line.startsWith("WARNING version " + version + " waits for its media"));
        await(
                "a heartbeat after that",
                Duration.ofSeconds(10),
                () -> !status(screen).isEmpty()
                        && ((Timestamp) status(screen).get("sent_at"))
                                .toInstant()
                                .isAfter(full));
        Map<String, Object> status = status(screen);
        assertThat(((Number) status.get("schedule_version")).longValue()).isEqualTo(playing);
        assertThat(((Number) status.get("missing_media")).intValue()).isPositive();
        assertThat(((Number) status.get("cached_bytes")).longValue()).isLessThanOrEqualTo(bound);
        try (Stream<Path> files = Files.list(cache.resolve("media"))) {
            assertThat(files.mapToLong(path -> path.toFile().length()).sum()).isLessThanOrEqualTo(bound);
        }
    }

    /** Uploads a 256 KiB creative for every screen type and books it at the station; returns the version. */
    private long bookBigCreative(String id, String station) {
        byte[] big = new byte[256 * 1024];
        new Random(7).nextBytes(big);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}; // the server takes images by their bytes
        System.arraycopy(png, 0, big, 0, png.length);
        admin().post()
                .uri("/api/v1/creatives?id={id}&durationSeconds=15&screenTypes=LED_LARGE,LCD_FRAME,TV_SET", id + "-CR")
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> campaign = Bookings.commercial(id, station, "2/5min");
        campaign.put("creatives", List.of(Map.of("id", id + "-CR", "weight", 1)));
        Map<String, Object> created = as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return ((Number) Objects.requireNonNull(created).get("scheduleVersion")).longValue();
    }
}
