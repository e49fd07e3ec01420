package io.railcast.server.agent.schedule;

import static io.railcast.server.agent.ContractFixtures.SHANGHAI;
import static io.railcast.server.agent.ContractFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.AgentIntegrationTest;
import io.railcast.server.agent.ContractFixtures;
import io.railcast.server.agent.ContractFixtures.ScreenPlans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /agent/v1/schedule} on versions published into the contract tables. */
class ScheduleIT extends AgentIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String commercial;
    private String filler;

    @BeforeEach
    void network() {
        fixtures.screens("SCH", "SCH-1", "SCH-2", "SCH-3", "SCH-4", "SCH-5", "SCH-6", "SCH-7");
        fixtures.creative("CR-S1", 15, "commercial one".getBytes());
        fixtures.creative("CR-SF", 5, "filler".getBytes());
        commercial = fixtures.plan("C-S1:CR-S1:15:C", "FILL:CR-SF:5:F");
        filler = fixtures.plan("FILL:CR-SF:5:F");
    }

    @Test
    void servesTheScheduleThenNotModifiedWhileNothingChanged() {
        long version = fixtures.publish(
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                true,
                today().minusDays(1),
                5,
                Map.of("SCH-1", ScreenPlans.constant(commercial, filler, 5)));
        WebTestClient agent = agent(issueToken("SCH-1"));
        EntityExchangeResult<byte[]> first = agent.get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader()
                .valueEquals(ScheduleController.VERSION_HEADER, Long.toString(version))
                .expectBody()
                .returnResult();
        String etag = first.getResponseHeaders().getETag();
        JsonNode body = JSON.readTree(first.getResponseBody());
        Instant from = ZonedDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.HOURS).toInstant();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(body.path("screenId").asString()).isEqualTo("SCH-1");
        assertThat(body.path("version").asLong()).isEqualTo(version);
        assertThat(body.path("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(Instant.parse(body.path("from").asString())).isEqualTo(from);
        assertThat(Instant.parse(body.path("to").asString())).isEqualTo(from.plus(Duration.ofHours(72)));
        assertThat(body.path("hours")).hasSize(72);
        assertThat(body.path("hours").get(0).path("plan").asString()).isEqualTo(commercial);
        assertThat(body.path("fallback").asString()).isEqualTo(filler);
        JsonNode plan = body.path("plans").path(commercial);
        assertThat(plan.path("onAir").path("to").asInt()).isEqualTo(3600);
        assertThat(plan.path("spots").get(0).path("creative").asString()).isEqualTo("CR-S1");
        assertThat(plan.path("spots").get(0).path("kind").asString()).isEqualTo("COMMERCIAL");
        assertThat(plan.path("spots").get(1).path("offset").asInt()).isEqualTo(15);
        assertThat(body.path("plans").has(filler)).isTrue();
        assertThat(body.path("media")).hasSize(2);
        JsonNode media = body.path("media").get(0);
        assertThat(media.path("creative").asString()).isEqualTo("CR-S1");
        assertThat(media.path("url").asString()).isEqualTo("/agent/v1/media/CR-S1");
        assertThat(media.path("sha256").asString()).isEqualTo(ContractFixtures.sha256("commercial one".getBytes()));
        assertThat(media.path("size").asLong()).isEqualTo(14);
        assertThat(media.path("duration").asInt()).isEqualTo(15);

        agent.get()
                .uri("/agent/v1/schedule")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectBody()
                .isEmpty();
    }

    @Test
    void keepsTheEtagWhenANewVersionChangesNothingForTheScreen() {
        Map<String, ScreenPlans> plans = Map.of("SCH-2", ScreenPlans.constant(commercial, filler, 5));
        fixtures.publish(Instant.now(), true, today().minusDays(1), 5, plans);
        WebTestClient agent = agent(issueToken("SCH-2"));
        String etag = agent.get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getETag();

        long unchanged = fixtures.publish(Instant.now(), false, today().minusDays(1), 5, plans);
        agent.get()
                .uri("/agent/v1/schedule")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(ScheduleController.VERSION_HEADER, Long.toString(unchanged));

        fixtures.publish(
                Instant.now(), true, today().minusDays(1), 5, Map.of("SCH-2", ScreenPlans.constant(filler, filler, 5)));
        agent.get()
                .uri("/agent/v1/schedule")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(HttpHeaders.ETAG, changed -> assertThat(changed).isNotEqualTo(etag))
                .expectBody()
                .jsonPath("$.media.length()")
                .isEqualTo(1);
    }

    @Test
    void answersFromTheKeptEtagUntilANewVersionChangesTheScreenThenFromTheNewOne() {
        fixtures.publishNow(Map.of("SCH-6", ScreenPlans.constant(commercial, filler, 5)));
        WebTestClient agent = agent(issueToken("SCH-6"));
        String etag = agent.get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getETag();
        for (int i = 0; i < 3; i++) {
            agent.get()
                    .uri("/agent/v1/schedule")
                    .header(HttpHeaders.IF_NONE_MATCH, etag)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, etag);
        }

        long changed = fixtures.publishNow(Map.of("SCH-6", ScreenPlans.constant(filler, filler, 5)));
        EntityExchangeResult<byte[]> fresh = agent.get()
                .uri("/agent/v1/schedule")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(ScheduleController.VERSION_HEADER, Long.toString(changed))
                .expectBody()
                .returnResult();
        String newEtag = fresh.getResponseHeaders().getETag();
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(JSON.readTree(fresh.getResponseBody())
                        .path("hours")
                        .get(0)
                        .path("plan")
                        .asString())
                .isEqualTo(filler);
        agent.get()
                .uri("/agent/v1/schedule")
                .header(HttpHeaders.IF_NONE_MATCH, newEtag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(ScheduleController.VERSION_HEADER, Long.toString(changed));
    }

    @Test
    void givesConcurrentFirstFetchesOfAScheduleTheSameAnswerMadeOnce() {
        fixtures.publishNow(Map.of("SCH-7", ScreenPlans.constant(commercial, filler, 5)));
        String token = issueToken("SCH-7");
        double built = answersBuilt();
        List<EntityExchangeResult<byte[]>> answers = Flux.range(0, 16)
                .flatMap(
                        i -> Mono.fromCallable(() -> agent(token)
                                        .get()
                                        .uri("/agent/v1/schedule?hours=48")
                                        .exchange()
                                        .expectStatus()
                                        .isOk()
                                        .expectBody()
                                        .returnResult())
                                .subscribeOn(Schedulers.boundedElastic()),
                        16)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(answers).hasSize(16);
        String etag = answers.get(0).getResponseHeaders().getETag();
        for (EntityExchangeResult<byte[]> answer : answers) {
            assertThat(answer.getResponseHeaders().getETag()).isEqualTo(etag);
            assertThat(JSON.readTree(answer.getResponseBody()))
                    .isEqualTo(JSON.readTree(answers.get(0).getResponseBody()));
        }
        // one answer made for the sixteen, and its time is what operators see
        assertThat(answersBuilt()).isEqualTo(built + 1);
    }

    private double answersBuilt() {
        String exposition = admin().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Matcher count = Pattern.compile("^railcast_agent_schedule_builds_seconds_count (\\S+)$", Pattern.MULTILINE)
                .matcher(exposition);
        assertThat(count.find())
                .as("railcast_agent_schedule_builds_seconds_count exposed")
                .isTrue();
        return Double.parseDouble(count.group(1));
    }

    @Test
    void gzipsTheScheduleWhenTheAgentAcceptsIt() throws IOException {
        fixtures.publishNow(Map.of("SCH-3", ScreenPlans.constant(commercial, filler, 4)));
        WebTestClient agent = agent(issueToken("SCH-3"));
        byte[] plain = agent.get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectBody()
                .returnResult()
                .getResponseBody();
        byte[] gzipped = agent.get()
                .uri("/agent/v1/schedule")
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectHeader()
                .valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(gzipped.length).isLessThan(Objects.requireNonNull(plain).length / 3);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(JSON.readTree(in.readAllBytes())).isEqualTo(JSON.readTree(plain));
        }
    }

    @Test
    void placesEachLocalHourOfTheStationAtItsUtcInstantAndEndsWithTheVersion() {
        // today and tomorrow in Shanghai, hour h playing plan h % 3, off air from 01:00 to 05:00
        List<String> byHour = List.of(commercial, filler, fixtures.plan("C-S1:CR-S1:15:C"));
        List<String> planIds = new ArrayList<>();
        for (int index = 0; index < 48; index++) {
            int hour = index % 24;
            planIds.add(hour >= 1 && hour < 5 ? null : byHour.get(index % 3));
        }
        fixtures.publish(Instant.now(), true, today(), 2, Map.of("SCH-4", new ScreenPlans(planIds, filler)));

        JsonNode body = JSON.readTree(agent(issueToken("SCH-4"))
                .get()
                .uri("/agent/v1/schedule?hours=168")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        Instant end = today().plusDays(2).atStartOfDay(SHANGHAI).toInstant();
        assertThat(Instant.parse(body.path("to").asString())).isEqualTo(end);
        assertThat(body.path("hours")).isNotEmpty();
        for (JsonNode hour : body.path("hours")) {
            ZonedDateTime local = Instant.parse(hour.path("start").asString()).atZone(SHANGHAI);
            int index = (int) ChronoUnit.DAYS.between(today(), local.toLocalDate()) * 24 + local.getHour();
            assertThat(local.getMinute()).isZero();
            assertThat(hour.path("plan").asString()).as("local hour %s", local).isEqualTo(planIds.get(index));
        }
        long hoursLeft = Duration.between(Instant.parse(body.path("from").asString()), end)
                .toHours();
        long offAir = body.path("hours").size();
        assertThat(offAir).isLessThan(hoursLeft); // 01:00–05:00 are left out: the screen is dark
    }

    @Test
    void refusesHoursOutsideOneToAWeek() {
        WebTestClient agent = agent(issueToken("SCH-5"));
        agent.get()
                .uri("/agent/v1/schedule?hours=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("hours");
        agent.get()
                .uri("/agent/v1/schedule?hours=169")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void answersAScreenWithoutAnyVersionWithNotFound() {
        agent(issueToken("SCH-5"))
                .get()
                .uri("/agent/v1/schedule")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/no-schedule");
    }
}
