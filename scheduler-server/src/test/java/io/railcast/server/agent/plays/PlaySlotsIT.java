package io.railcast.server.agent.plays;

import static io.railcast.server.agent.plays.PlaysIT.hour;
import static io.railcast.server.agent.plays.PlaysIT.play;
import static io.railcast.server.agent.plays.PlaysIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof of play judged against what was scheduled ({@link SlotJudge}): a play counts only if the version it names
 * scheduled a spot of its campaign and creative on that screen starting within the tolerance (3 s) of the play, and
 * only the first play of each such slot counts. The others are kept, not counted, with why; the agent is told so and
 * moves on.
 */
class PlaySlotsIT extends AgentIntegrationTest {

    /** PLS-1 and PLS-2 play {@link PlaysIT#PLAN}. */
    private static long version;
    /** PLS-3 plays C-OTHER, which no other screen plays. */
    private static long otherVersion;

    @BeforeEach
    void screens() {
        if (version == 0) {
            fixtures.screens("PLS", "PLS-1", "PLS-2", "PLS-3");
            version = PlaysIT.publishTiled(fixtures, PlaysIT.PLAN, "PLS-1", "PLS-2");
            otherVersion = PlaysIT.publishTiled(fixtures, List.of("C-OTHER:CR-C-OTHER:10:C", "FILL:CR-F:5:F"), "PLS-3");
        }
    }

    @Test
    void countsOnlyPlaysOfSpotsTheScreensVersionScheduled() {
        Instant hour = hour(1);
        Map<String, Object> onTime = play("PLS-1", "C-P1", hour.plusSeconds(30), 15_000, version);
        Map<String, Object> late = play("PLS-1", "C-P1", hour.plusMillis(62_500), 15_000, version);
        Map<String, Object> early = play("PLS-1", "C-P2", hour.plusSeconds(43), 5_000, version);
        Map<String, Object> unknownCampaign = play("PLS-1", "C-NOPE", hour.plusSeconds(90), 15_000, version);
        Map<String, Object> wrongCreative = play("PLS-1", "C-P1", hour.plusSeconds(120), 15_000, version);
        wrongCreative.put("creative", "CR-C-P2");
        Map<String, Object> anotherScreens = play("PLS-1", "C-OTHER", hour.plusSeconds(150), 10_000, version);
        Map<String, Object> notItsVersion = play("PLS-1", "C-P1", hour.plusSeconds(180), 15_000, otherVersion);
        Map<String, Object> noSuchVersion = play("PLS-1", "C-P1", hour.plusSeconds(240), 15_000, 999_999);
        Map<String, Object> midSpot = play("PLS-1", "C-P1", hour.plusSeconds(217), 8_000, version);
        List<Map<String, Object>> batch = List.of(
                onTime,
                late,
                early,
                unknownCampaign,
                wrongCreative,
                anotherScreens,
                notItsVersion,
                noSuchVersion,
                midSpot);

        byte[] receipt = send(agent(issueToken("PLS-1")), batch)
                .jsonPath("$.accepted")
                .isEqualTo(List.of(onTime.get("playId"), late.get("playId"), early.get("playId")))
                .jsonPath("$.rejected[*].index")
                .isEqualTo(List.of(3, 4, 5, 6, 7, 8))
                .jsonPath("$.rejected[*].stored")
                .isEqualTo(List.of(true, true, true, true, true, true))
                .returnResult()
                .getResponseBody();
        List<String> codes = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(receipt)
                .path("rejected")
                .forEach(
                        rejected -> codes.add(rejected.path("reason").asString().replaceFirst(":.*", "")));
        assertThat(codes)
                .containsExactly(
                        "not-scheduled",
                        "not-scheduled",
                        "not-scheduled",
                        "unknown-version",
                        "unknown-version",
                        "off-slot");

        // every play kept, with why it does not count; only the three count
        assertThat(sql().queryForList(
                                "select coalesce(rejection, 'counted') from play_record"
                                        + " where screen_id = 'PLS-1' order by started_at",
                                String.class))
                .containsExactly(
                        "counted",
                        "counted",
                        "counted",
                        "not-scheduled",
                        "not-scheduled",
                        "not-scheduled",
                        "unknown-version",
                        "off-slot",
                        "unknown-version");
        assertThat(sql().queryForObject("select sum(plays) from play_rollup where screen_id = 'PLS-1'", Long.class))
                .isEqualTo(3);
    }

    @Test
    void countsOnlyTheFirstPlayOfASlot() {
        Instant slot = hour(1).plusSeconds(300);
        WebTestClient agent = agent(issueToken("PLS-2"));
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(play("PLS-2", "C-P1", slot, 15_000, version));
        }
        send(agent, thousand)
                .jsonPath("$.accepted")
                .isEqualTo(List.of(thousand.get(0).get("playId")))
                .jsonPath("$.rejected.length()")
                .isEqualTo(999)
                .jsonPath("$.rejected[998].reason")
                .value(
                        String.class,
                        reason -> assertThat(reason).startsWith("duplicate-slot: the spot of C-P1/CR-C-P1 at " + slot))
                .jsonPath("$.rejected[998].stored")
                .isEqualTo(true);
        // in a later batch, a second after the slot's start: the slot is the database's to guard
        Map<String, Object> again = play("PLS-2", "C-P1", slot.plusSeconds(1), 15_000, version);
        send(agent, List.of(again))
                .jsonPath("$.accepted.length()")
                .isEqualTo(0)
                .jsonPath("$.rejected[0].reason")
                .value(String.class, reason -> assertThat(reason).startsWith("duplicate-slot:"))
                .jsonPath("$.rejected[0].stored")
                .isEqualTo(true);

        assertThat(count("play_record where screen_id = 'PLS-2'")).isEqualTo(1001);
        assertThat(count("play_record where screen_id = 'PLS-2' and rejection = 'duplicate-slot'"))
                .isEqualTo(1000);
        assertThat(sql().queryForObject("select sum(plays) from play_rollup where screen_id = 'PLS-2'", Long.class))
                .isEqualTo(1);
    }
}
