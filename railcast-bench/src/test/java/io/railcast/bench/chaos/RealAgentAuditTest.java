package io.railcast.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealAgentAuditTest {

    @Test
    void readsWhatAHeadlessAgentPrintedAndSkipsTheRest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("agent.out");
        Files.writeString(out, """
                2026-12-07T20:40:00.123Z PLAY C-1/CR-1 COMMERCIAL v7 15 s until 2026-12-07T20:40:15Z CR-1.png
                a log line that slipped in
                2026-12-07T20:40:15Z DARK until 2026-12-07T20:41:00Z
                2026-12-07T20:41:00.004Z FALLBACK F/CR-2 FILLER v7 10 s until 2026-12-07T20:41:10Z (joined 4 ms into\
                 the spot) CR-2.png
                2026-12-07T20:41:10Z PLAY C-1/CR""");
        var lines = RealAgentAudit.lines(out);
        assertThat(lines).extracting(RealAgentAudit.Line::what).containsExactly("PLAY", "DARK", "FALLBACK", "PLAY");
        assertThat(lines.get(0).at()).isEqualTo(Instant.parse("2026-12-07T20:40:00.123Z"));
        assertThat(lines.get(1).until()).isEqualTo(Instant.parse("2026-12-07T20:41:00Z"));
        assertThat(lines.get(3).until()).isNull();
        assertThat(lines).extracting(RealAgentAudit.Line::campaign).containsExactly("C-1", null, "F", "C-1");
        assertThat(lines).extracting(RealAgentAudit.Line::contracted).containsExactly(true, false, false, false);
    }
}
