package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.AgentConfig;
import io.railcast.agent.PlayerAgent;
import io.railcast.server.ServerIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The real player agent against the real server: the shared small-demo server of {@link ServerIntegrationTest}
 * (published plans, real media files, PostgreSQL) and agents built from player-agent's jar, either in this JVM
 * ({@link #startAgent}, with the heartbeat, upload and poll periods shortened to a second by {@link AgentHarness}) or
 * as child JVMs where a test must SIGKILL one. The screens are at stations of {@link AllDayStations}, on air at any
 * hour; each test takes screens no other test uses, at a station of its own where it books.
 */
abstract class EndToEndTest extends ServerIntegrationTest {

    static final ZoneId PLANNING_ZONE = ZoneId.of("Asia/Shanghai");
    static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {};

    /** The stations open all day where no test books: tests that only watch take screens here. */
    static final String QUIET = "E2E-A";
    /** Stations for one test each to book at. */
    static final String URGENT = "E2E-B";

    static final String SCHEDULED = "E2E-C";
    static final String FULL = "E2E-D";
    /** Taken over by TakeoverIT, two screens each. */
    static final String TAKEN_OVER = "E2E-T";

    static final String TAKEN_OVER_LATER = "E2E-U";
    /** Taken over by TakeoverIT with no agent, to count the plays lost. */
    static final String LOST = "E2E-L";

    private static final Map<String, Integer> STATIONS =
            Map.of(QUIET, 8, URGENT, 1, SCHEDULED, 1, FULL, 1, TAKEN_OVER, 2, TAKEN_OVER_LATER, 1, LOST, 2);
    private static final Set<String> SCREENS_TAKEN = new HashSet<>();

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    AgentLog agentLog;

    private ScreenAgents agents;

    @BeforeEach
    void stationsAndLog() {
        synchronized (SCREENS_TAKEN) {
            AllDayStations.ensure(admin(), sql(), new java.util.TreeMap<>(STATIONS));
        }
        agentLog = AgentLog.attach();
        agents = new ScreenAgents(server(), admin());
    }

    @AfterEach
    void stopAgents() {
        agents.close();
        agentLog.close();
    }

    URI server() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * A screen no other test of this package has used, at {@code station}: one of {@link #QUIET} (no booking
     * reaches it, so tests may share it) or a station a test books at, its own.
     */
    String screenOnAir(String station) {
        synchronized (SCREENS_TAKEN) {
            for (String screen : sql().queryForList(
                            "select id from screen where station_code = ? order by id", String.class, station)) {
                if (SCREENS_TAKEN.add(screen)) {
                    assertThat(plan(screen, Instant.now()).get("planId"))
                            .as("%s on air", screen)
                            .isNotNull();
                    return screen;
                }
            }
        }
        throw new IllegalStateException("every screen of " + station + " is taken; add some in STATIONS");
    }

    /** A screen of {@link #QUIET}. */
    String screenOnAir() {
        return screenOnAir(QUIET);
    }

    String stationOf(String screen) {
        return sql().queryForObject("select station_code from screen where id = ?", String.class, screen);
    }

    /** The server's report of what the screen plays in the clock hour of {@code at}. */
    Map<String, Object> plan(String screen, Instant at) {
        ZonedDateTime local = at.atZone(PLANNING_ZONE);
        return Objects.requireNonNull(admin().get()
                .uri("/api/v1/screens/{id}/plan?date={date}&hour={hour}", screen, local.toLocalDate(), local.getHour())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody());
    }

    /** The spot the server's plan has at the start of a shown spot, as "offset campaign/creative kind duration". */
    String plannedSpot(String screen, ScreenLog.Shown shown) {
        Map<String, Object> plan = plan(screen, shown.spotStart());
        long offset = Duration.between(shown.spotStart().truncatedTo(ChronoUnit.HOURS), shown.spotStart())
                .toSeconds();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> spots = (List<Map<String, Object>>) plan.get("spots");
        return spots.stream()
                .filter(spot -> ((Number) spot.get("offset")).longValue() == offset)
                .map(spot -> spot.get("offset") + " " + spot.get("campaign") + "/" + spot.get("creative") + " "
                        + spot.get("kind") + " " + spot.get("duration") + " v" + plan.get("version"))
                .findFirst()
                .orElse("nothing at offset " + offset + " of plan " + plan.get("planId"));
    }

    static String asPlanned(ScreenLog.Shown shown) {
        long offset = Duration.between(shown.spotStart().truncatedTo(ChronoUnit.HOURS), shown.spotStart())
                .toSeconds();
        return offset + " " + shown.campaign() + "/" + shown.creative() + " " + shown.kind() + " "
                + shown.duration().toSeconds() + " v" + shown.version();
    }

    String issueToken(String screen) {
        return agents.issueToken(screen);
    }

    /** The {@code media} list of the screen's schedule, as the agent endpoint gives it to this token. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mediaOfSchedule(String token, int hours) {
        Map<String, Object> schedule = anonymous
                .get()
                .uri("/agent/v1/schedule?hours={hours}", hours)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) Objects.requireNonNull(schedule).get("media");
    }

    AgentConfig.Builder config(String token, Path cache) {
        return agents.config(token, cache);
    }

    PlayerAgent startAgent(AgentConfig config, ScreenLog screen) throws IOException {
        return startAgent(config, Clock.systemUTC(), screen);
    }

    PlayerAgent startAgent(AgentConfig config, Clock clock, ScreenLog screen) throws IOException {
        return agents.start(config, clock, screen);
    }

    /** The screen's last heartbeat as the server stored it (column names of {@code screen_status}). */
    Map<String, Object> status(String screen) {
        List<Map<String, Object>> rows = sql().queryForList("select * from screen_status where screen_id = ?", screen);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        ScreenAgents.await(what, timeout, condition);
    }
}
