package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's first start, with an empty cache, against the server. */
class FirstStartIT extends EndToEndTest {

    @Test
    void fetchesItsScheduleVerifiesEveryMediaFileAndPlaysWhatTheServerPlanned() throws Exception {
        String screen = screenOnAir();
        Path cache = temp.resolve("cache");
        ScreenLog shown = new ScreenLog();
        String token = issueToken(screen);
        startAgent(config(token, cache).build(), shown);

        await("two spots on screen", Duration.ofSeconds(60), () -> shown.plays().size() >= 2);

        // every file of the schedule the screen was given is in the cache under its digest, with the bytes the
        // server stored for that creative
        List<Map<String, Object>> media = mediaOfSchedule(token, 24);
        assertThat(media).isNotEmpty();
        for (Map<String, Object> file : media) {
            Map<String, Object> stored =
                    sql().queryForMap("select sha256, size_bytes from creative where id = ?", file.get("creative"));
            assertThat(file.get("sha256")).isEqualTo(stored.get("sha256"));
            Path cached = cache.resolve("media").resolve((String) stored.get("sha256"));
            assertThat(cached).as("media of %s", file.get("creative")).exists();
            assertThat(Files.size(cached)).isEqualTo(((Number) stored.get("size_bytes")).longValue());
            assertThat(sha256(cached)).isEqualTo(stored.get("sha256"));
        }
        // and what it shows is, spot for spot, what the server says the screen plays then
        for (ScreenLog.Shown play : shown.plays()) {
            assertThat(asPlanned(play)).as(play.line()).isEqualTo(plannedSpot(screen, play));
            assertThat(shown.lines()).noneMatch(line -> line.contains("MEDIA MISSING"));
        }
        // one after another, without a gap
        List<ScreenLog.Shown> plays = shown.plays();
        for (int i = 1; i < plays.size(); i++) {
            assertThat(plays.get(i).spotStart())
                    .as(plays.get(i).line())
                    .isEqualTo(plays.get(i - 1).end());
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
