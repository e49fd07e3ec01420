package io.railcast.server.agent.plays;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.ContractFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /agent/v1/plays}: idempotent by playId, each record checked on its own, rolled up by hour. The screens
 * play {@link #PLAN} from a week ago on (their published version, {@link #version}); the judging of plays against it
 * is {@link PlaySlotsIT}'s.
 */
public class PlaysIT extends AgentIntegrationTest {

    /** Every 30 s from the start of each hour: C-P1 for 15 s, C-P2 for 5 s, filler for 10 s. */
    public static final List<String> PLAN = List.of("C-P1:CR-C-P1:15:C", "C-P2:CR-C-P2:5:C", "FILL:CR-F:10:F");

    static final String[] SCREENS = {"PLY-1", "PLY-2", "PLY-3", "PLY-4", "PLY-5", "PLY-6", "PLY-7"};

    private static long version;

    @BeforeEach
    void screens() {
        if (version == 0) {
            fixtures.screens("PLY", SCREENS);
            version = publishTiled(fixtures, PLAN, SCREENS);
        }
    }

    /** A version, in force since an hour ago, from 8 days ago for 10 days, of one plan repeating {@code spots}. */
    public static long publishTiled(ContractFixtures fixtures, List<String> spots, String... screens) {
        List<String> tiled = new ArrayList<>();
        int length = spots.stream()
                .mapToInt(spot -> Integer.parseInt(spot.split(":")[2]))
                .sum();
        for (int i = 0; i < 3600 / length; i++) {
            tiled.addAll(spots);
        }
        String plan = fixtures.plan(tiled.toArray(String[]::new));
        Map<String, ContractFixtures.ScreenPlans> plans = new LinkedHashMap<>();
        for (String screen : screens) {
            plans.put(screen, ContractFixtures.ScreenPlans.constant(plan, plan, 10));
        }
        return fixtures.publish(
                Instant.now().minus(Duration.ofHours(1)),
                false,
                ContractFixtures.today().minusDays(8),
                10,
                plans);
    }

    /** The start of a clock hour {@code hoursAgo} before the current one. */
    public static Instant hour(int hoursAgo) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hoursAgo));
    }

    @Test
    void storesABatchOnceWhenItIsSentTwice() {
        WebTestClient agent = agent(issueToken("PLY-1"));
        Instant hour = hour(2);
        List<Map<String, Object>> batch = List.of(
                play("PLY-1", "C-P1", hour.plusSeconds(30), 15_004),
                play("PLY-1", "C-P1", hour.plusSeconds(300), 14_996),
                play("PLY-1", "C-P2", hour.plusSeconds(15), 5_000));
        List<Object> ids = batch.stream().map(play -> play.get("playId")).toList();

        send(agent, batch)
                .jsonPath("$.accepted")
                .isEqualTo(ids)
                .jsonPath("$.duplicates.length()")
                .isEqualTo(0)
                .jsonPath("$.rejected.length()")
                .isEqualTo(0);
        send(agent, batch)
                .jsonPath("$.accepted.length()")
                .isEqualTo(0)
                .jsonPath("$.duplicates")
                .isEqualTo(ids);

        assertThat(count("play_record where screen_id = 'PLY-1'")).isEqualTo(3);
        Map<String, Object> rollup = sql().queryForMap(
                        "select station_code, plays, seconds from play_rollup"
                                + " where screen_id = 'PLY-1' and campaign_id = 'C-P1' and hour = ?",
                        hour.atOffset(ZoneOffset.UTC));
        assertThat(rollup.get("station_code")).isEqualTo("PLY");
        assertThat(((Number) rollup.get("plays")).longValue()).isEqualTo(2);
        assertThat(((Number) rollup.get("seconds")).doubleValue()).isEqualTo(30.0);
    }

    @Test
    void rejectsARecordOfAnotherScreenAndStoresTheRest() {
        WebTestClient agent = agent(issueToken("PLY-2"));
        Map<String, Object> own = play("PLY-2", "C-P1", hour(1).plusSeconds(60), 15_000);
        Map<String, Object> foreign = play("PLY-1", "C-P1", hour(1).plusSeconds(60), 15_000);
        send(agent, List.of(foreign, own))
                .jsonPath("$.accepted[0]")
                .isEqualTo(own.get("playId"))
                .jsonPath("$.rejected[0].playId")
                .isEqualTo(foreign.get("playId"))
                .jsonPath("$.rejected[0].index")
                .isEqualTo(0)
                .jsonPath("$.rejected[0].reason")
                .isEqualTo("screenId PLY-1 is not the calling screen PLY-2")
                .jsonPath("$.rejected[0].stored")
                .isEqualTo(false);
        assertThat(count("play_record where play_id = '" + foreign.get("playId") + "'"))
                .isZero();
    }

    @Test
    void rejectsEachBadRecordWithItsReason() {
        WebTestClient agent = agent(issueToken("PLY-3"));
        Map<String, Object> noId = play("PLY-3", "C-P1", Instant.now(), 1000);
        noId.remove("playId");
        Map<String, Object> future = play("PLY-3", "C-P1", Instant.now().plus(Duration.ofDays(2)), 1000);
        Map<String, Object> negative = play("PLY-3", "C-P1", Instant.now(), -1);
        Map<String, Object> wrongType = play("PLY-3", "C-P1", Instant.now(), 1000);
        wrongType.put("durationMillis", "long");
        Map<String, Object> good = play("PLY-3", "C-P1", hour(1).plusSeconds(90), 1000);
        send(agent, List.of(noId, future, negative, wrongType, good, good))
                .jsonPath("$.accepted.length()")
                .isEqualTo(1)
                .jsonPath("$.duplicates.length()")
                .isEqualTo(1)
                .jsonPath("$.rejected.length()")
                .isEqualTo(4)
                .jsonPath("$.rejected[0].reason")
                .isEqualTo("playId is missing")
                .jsonPath("$.rejected[1].reason")
                .value(String.class, reason -> assertThat(reason).contains("ahead of the server's clock"))
                .jsonPath("$.rejected[2].reason")
                .value(String.class, reason -> assertThat(reason).startsWith("durationMillis must be between 0 and"))
                .jsonPath("$.rejected[3].reason")
                .isEqualTo("durationMillis must be a whole number");
    }

    @Test
    void oneBadRecordNeverFailsTheOthersOfItsBatch() {
        WebTestClient agent = agent(issueToken("PLY-5"));
        Map<String, Object> nulCampaign = play("PLY-5", "C-P1", hour(1).plusSeconds(30), 15_000);
        nulCampaign.put("campaign", "C-P1\u0000");
        Map<String, Object> nulCreative = play("PLY-5", "C-P1", hour(1).plusSeconds(60), 15_000);
        nulCreative.put("creative", "CR-\u0000");
        Map<String, Object> good = play("PLY-5", "C-P1", hour(1).plusSeconds(90), 15_000);
        List<Map<String, Object>> batch = List.of(nulCampaign, good, nulCreative);
        for (int attempt = 1; attempt <= 2; attempt++) { // as an agent that did not hear the answer sends it again
            send(agent, batch)
                    .jsonPath("$.accepted")
                    .isEqualTo(attempt == 1 ? List.of(good.get("playId")) : List.of())
                    .jsonPath("$.duplicates")
                    .isEqualTo(attempt == 1 ? List.of() : List.of(good.get("playId")))
                    .jsonPath("$.rejected[*].playId")
                    .isEqualTo(List.of(nulCampaign.get("playId"), nulCreative.get("playId")))
                    .jsonPath("$.rejected[0].reason")
                    .value(
                            String.class,
                            reason -> assertThat(reason).startsWith("campaign must not contain control characters"))
                    .jsonPath("$.rejected[1].reason")
                    .value(
                            String.class,
                            reason -> assertThat(reason).startsWith("creative must not contain control characters"))
                    .jsonPath("$.rejected[*].stored")
                    .isEqualTo(List.of(false, false));
        }
        assertThat(count("play_record where screen_id = 'PLY-5'")).isEqualTo(1);
        assertThat(sql().queryForObject("select sum(plays) from play_rollup where screen_id = 'PLY-5'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void storesEachDayInItsOwnPartitionCreatedOnDemand() {
        WebTestClient agent = agent(issueToken("PLY-4"));
        Instant lastWeek = hour(7 * 24);
        send(agent, List.of(play("PLY-4", "C-P1", lastWeek, 1000), play("PLY-4", "C-P1", hour(0), 1000)))
                .jsonPath("$.accepted.length()")
                .isEqualTo(2);
        String partition =
                "play_record_" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(lastWeek, ZoneOffset.UTC));
        assertThat(count(partition + " where screen_id = 'PLY-4'")).isEqualTo(1);
    }

    @Test
    void refusesABatchOfMoreThanAThousandPlays() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            batch.add(play("PLY-4", "C-P1", Instant.now(), 1000));
        }
        agent(issueToken("PLY-4"))
                .post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", batch))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("plays");
    }

    @Test
    void countsIngestedPlaysInTheMetrics() {
        send(agent(issueToken("PLY-4")), List.of(play("PLY-4", "C-P1", Instant.now(), 1000)));
        admin().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("railcast_agent_plays_total{outcome=\"accepted\"")
                        .contains("railcast_agent_screens{state=\"offline\"}"));
    }

    /** A play of {@code campaign}'s creative, of the version the screens of this class play. */
    public static Map<String, Object> play(String screen, String campaign, Instant startedAt, long durationMillis) {
        return play(screen, campaign, startedAt, durationMillis, version);
    }

    public static Map<String, Object> play(
            String screen, String campaign, Instant startedAt, long durationMillis, long version) {
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("playId", UUID.randomUUID().toString());
        play.put("screenId", screen);
        play.put("campaign", campaign);
        play.put("creative", "CR-" + campaign);
        play.put("startedAt", startedAt.toString());
        play.put("durationMillis", durationMillis);
        play.put("scheduleVersion", version);
        return play;
    }

    public static WebTestClient.BodyContentSpec send(WebTestClient agent, List<Map<String, Object>> plays) {
        return agent.post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", plays))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
