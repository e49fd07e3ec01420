package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The screen's token revoked while its agent plays: one clear line, playing on from the cache, no more calls. */
class TokenRevocationIT extends EndToEndTest {

    @Test
    void logsOneClearLineKeepsPlayingAndStopsCallingTheServer() throws Exception {
        String screen = screenOnAir();
        try (AgentProxy proxy = new AgentProxy(server())) {
            ScreenLog shown = new ScreenLog();
            startAgent(
                    config(issueToken(screen), temp.resolve("cache"))
                            .server(proxy.uri())
                            .build(),
                    shown);
            await("a first spot", Duration.ofSeconds(60), () -> !shown.plays().isEmpty());

            admin().delete()
                    .uri("/api/v1/screens/{id}/agent-token", screen)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            await("the agent to notice", Duration.ofSeconds(15), () -> agentLog.count("token revoked or unknown") > 0);
            Instant noticed = Instant.now();
            int callsThen = proxy.calls().size();
            await(
                    "two more spots",
                    Duration.ofSeconds(45),
                    () -> shown.plays().stream()
                                    .filter(play -> play.seenAt().isAfter(noticed))
                                    .count()
                            >= 2);

            List<String> refusals = agentLog.lines().stream()
                    .filter(line -> line.contains("token revoked or unknown"))
                    .toList();
            assertThat(refusals).singleElement().asString().startsWith("SEVERE ");
            assertThat(proxy.calls().subList(callsThen, proxy.calls().size()))
                    .as("calls after the refusal (status, plays, schedule every second before)")
                    .isEmpty();
            assertThat(proxy.calls()).anyMatch(call -> call.status() == 401);
            assertThat(shown.lines()).noneMatch(line -> line.contains("MEDIA MISSING"));
        }
    }
}
