package io.railcast.server.planning;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import io.railcast.server.system.ClusteredJobs;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publishing: what a booking writes, how it is announced, and the runs that publish without a booking. */
class PublishingIT extends ServerIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlanningService planning;

    @Autowired
    private Scheduler scheduler;

    @Autowired
    private ClusteredJobs jobs;

    @Autowired
    private JsonMapper json;

    private List<String> stations;

    @BeforeEach
    void creative() {
        Bookings.ensureCreative(admin(), sql());
        stations = Bookings.stations(sql());
        planning.ready().block(Duration.ofMinutes(1));
    }

    @Test
    void publishesANewVersionAtomically() throws Exception {
        // a second connection reads the newest version and its screen rows in one statement, over and over,
        // while the booking is published: it must never see a version without all of its rows
        record Seen(long version, long rows) {}
        List<Seen> seen = new ArrayList<>();
        AtomicBoolean booked = new AtomicBoolean();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement()) {
                do {
                    try (ResultSet row = statement.executeQuery("select v.version, (select count(*) from"
                            + " screen_schedule s where s.version = v.version) from schedule_version v"
                            + " order by v.version desc limit 1")) {
                        row.next();
                        seen.add(new Seen(row.getLong(1), row.getLong(2)));
                    }
                } while (!booked.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial("PUB-ATOMIC", stations.get(2), "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        } finally {
            booked.set(true);
        }
        reader.get();

        assertThat(seen).isNotEmpty();
        for (Seen version : seen) {
            assertThat(version.rows())
                    .as("rows of version %d when first seen", version.version())
                    .isEqualTo(count("screen_schedule where version = " + version.version()))
                    .isEqualTo(count("screen"));
        }
        assertThat(seen.get(seen.size() - 1).version())
                .isEqualTo(sql().queryForObject(
                                "select published_version from campaign where id = 'PUB-ATOMIC'", Long.class));
    }

    @Test
    void announcesEachVersionWithNotifyOnceItIsCommitted() throws Exception {
        try (Connection listener = connect()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen schedule_published");
            }
            long version = as("planner")
                                    .post()
                                    .uri("/api/v1/campaigns")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(commercial("PUB-NOTIFY", stations.get(3), "1/h"))
                                    .exchange()
                                    .expectStatus()
                                    .isCreated()
                                    .expectBody(Map.class)
                                    .returnResult()
                                    .getResponseBody()
                                    .get("scheduleVersion")
                            instanceof Number n
                    ? n.longValue()
                    : -1;

            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(notifications).isNotNull();
            assertThat(notifications).extracting(PGNotification::getName).containsOnly("schedule_published");
            assertThat(notifications).extracting(PGNotification::getParameter).contains(Long.toString(version));
            // the version it names is there, whole
            try (Statement statement = listener.createStatement();
                    ResultSet rows =
                            statement.executeQuery("select count(*) from screen_schedule where version = " + version)) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(count("screen"));
            }
        }
    }

    @Test
    void storesEveryHourPlanOnceUnderTheDigestOfItsCanonicalBody() {
        long version = sql().queryForObject("select max(version) from schedule_version", Long.class);
        List<Map<String, Object>> plans = sql().queryForList(
                        "select id, body::text as body from hour_plan"
                                + " where id in (select unnest(plan_ids) from screen_schedule where version = ?"
                                + " union select fallback_plan_id from screen_schedule where version = ?)",
                        version,
                        version);
        assertThat(plans).isNotEmpty();
        for (Map<String, Object> plan : plans) {
            HourPlan hourPlan = hourPlan(json.readTree((String) plan.get("body")));
            assertThat(PlanBodies.of(hourPlan).id()).isEqualTo(plan.get("id"));
        }
        assertThat(count("hour_plan"))
                .isEqualTo(sql().queryForObject("select count(distinct body) from hour_plan", Long.class));
        // plan ids cover the horizon, one per hour
        assertThat(sql().queryForList(
                                "select distinct cardinality(plan_ids) from screen_schedule where version = ?",
                                Integer.class,
                                version))
                .containsExactly(2 * 24);
    }

    @Test
    void storesOnlyTheHourPlansABookingChanges() {
        long before = count("hour_plan");
        long inVersion = sql().queryForObject(
                        "select count(distinct p) from screen_schedule,"
                                + " unnest(plan_ids) p where version = (select max(version) from schedule_version)",
                        Long.class);
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("PUB-DELTA", stations.get(4), "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        long added = count("hour_plan") - before;
        assertThat(added).isPositive().isLessThan(inVersion / 2);
    }

    @Test
    void givesEveryScreenAFallbackOfFillerContentForAWholeHour() {
        List<String> bodies = sql().queryForList(
                        "select distinct h.body::text from screen_schedule s join hour_plan h"
                                + " on h.id = s.fallback_plan_id where s.version = (select max(version) from schedule_version)",
                        String.class);
        assertThat(count("screen_schedule where fallback_plan_id is null and version = (select max(version)"
                        + " from schedule_version)"))
                .isZero();
        for (String body : bodies) {
            HourPlan plan = hourPlan(json.readTree(body));
            assertThat(plan.spots()).allSatisfy(spot -> assertThat(spot.kind()).isEqualTo(CampaignKind.FILLER));
            assertThat(plan.airtimeSeconds()).isEqualTo(3600);
        }
    }

    @Test
    void streamsPlanProgressAsServerSentEvents() {
        Flux<ServerSentEvent<Map<String, Object>>> events = as("operator")
                .get()
                .uri("/api/v1/plans/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody()
                .filter(event -> event.event() != null);
        StepVerifier.create(events)
                .then(() -> as("planner")
                        .post()
                        .uri("/api/v1/campaigns")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(commercial("PUB-SSE", stations.get(5), "1/h"))
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .assertNext(started -> {
                    assertThat(started.event()).isEqualTo("plan-started");
                    assertThat(started.data()).containsEntry("campaign", "PUB-SSE");
                })
                .assertNext(finished -> {
                    assertThat(finished.event()).isEqualTo("plan-finished");
                    assertThat(finished.data())
                            .containsEntry("outcome", "PUBLISHED")
                            .containsKeys("version", "millis");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void schedulesTheNightlyReplanWithAnExplicitMisfireInstruction() throws Exception {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(NightlyReplanSchedule.TRIGGER);
        assertThat(trigger).isNotNull();
        assertThat(trigger.getCronExpression()).isEqualTo("0 5 0 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(trigger.getJobKey()).isEqualTo(NightlyReplanSchedule.JOB);
    }

    @Test
    void nightlyReplanPublishesOnlyWhatDiffersFromTheCurrentVersion() {
        // a screen added since the last version: the full plan differs from it, and is published
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "id", "PUB-NEW-SCREEN", "station", stations.get(6), "type", "TV_SET", "zone", "platform"))
                .exchange()
                .expectStatus()
                .isCreated();
        Flux<PlanEvent> finished = planning.events()
                .filter(event -> event.type().equals(PlanEvent.FINISHED)
                        && event.reason().equals("nightly re-plan"));
        StepVerifier.create(finished.take(2))
                .then(this::triggerNightly)
                .assertNext(first -> assertThat(first.outcome()).isEqualTo("PUBLISHED"))
                // nothing changed since: the same full plan, so nothing to publish. Triggered before the first run
                // has returned: the job allows no concurrent run, so Quartz holds this fire back until it has
                .then(this::triggerNightly)
                .assertNext(second -> assertThat(second.outcome()).isEqualTo("UNCHANGED"))
                .expectComplete()
                .verify(java.time.Duration.ofMinutes(2));
        admin().get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("nightly re-plan")
                .jsonPath("$.urgent")
                .isEqualTo(false)
                .jsonPath("$.firstDay")
                .isEqualTo(Bookings.today().toString())
                .jsonPath("$.days")
                .isEqualTo(2);
        assertThat(count("screen_schedule where screen_id = 'PUB-NEW-SCREEN' and version = (select max(version)"
                        + " from schedule_version)"))
                .isEqualTo(1);
    }

    @Test
    void nightlyReplanKeepsThePlaysBookingsPublished() {
        // two bookings at one station, one after the other: the second is planned around the first's published plays,
        // where a plan from scratch would place both afresh
        String station = stations.get(8);
        for (String id : List.of("PUB-KEEP-B", "PUB-KEEP-A")) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial(id, station, "3/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        Set<String> published = playsOf("PUB-KEEP-", station);
        assertThat(published).isNotEmpty();

        StepVerifier.create(planning.events()
                        .filter(event -> event.type().equals(PlanEvent.FINISHED)
                                && event.reason().equals("nightly re-plan"))
                        .next())
                .then(this::triggerNightly)
                .assertNext(finished -> assertThat(finished.outcome()).isIn("PUBLISHED", "UNCHANGED"))
                .expectComplete()
                .verify(Duration.ofMinutes(2));

        assertThat(playsOf("PUB-KEEP-", station)).isEqualTo(published);
    }

    /** The plays of the campaigns named {@code prefix}… at {@code station} in the latest version, one per spot. */
    private Set<String> playsOf(String prefix, String station) {
        Set<String> plays = new HashSet<>();
        sql().query(
                        "select s.screen_id, p.hour, h.body::text as body from screen_schedule s,"
                                + " unnest(s.plan_ids) with ordinality as p(id, hour) join hour_plan h on h.id = p.id"
                                + " where s.version = (select max(version) from schedule_version)"
                                + " and s.screen_id in (select id from screen where station_code = ?)",
                        (row, i) -> {
                            HourPlan plan = hourPlan(json.readTree(row.getString("body")));
                            String screenHour =
                                    row.getString("screen_id") + " horizon hour " + row.getLong("hour") + ": ";
                            plan.spots().stream()
                                    .filter(spot -> spot.campaignId().startsWith(prefix))
                                    .forEach(spot -> plays.add(screenHour + spot));
                            return Boolean.TRUE;
                        },
                        station);
        return plays;
    }

    @Test
    void listsVersionsNewestFirst() {
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("PUB-LIST", stations.get(7), "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().get()
                .uri("/api/v1/versions?limit=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(PublishedVersion.class)
                .value(list -> {
                    assertThat(list).hasSize(2);
                    assertThat(list.get(0).version()).isGreaterThan(list.get(1).version());
                });
        admin().get()
                .uri("/api/v1/versions/1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("plan at start");
        admin().get()
                .uri("/api/v1/versions?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        admin().get().uri("/api/v1/versions/999999").exchange().expectStatus().isNotFound();
    }

    private void triggerNightly() {
        try {
            jobs.change(scheduler -> {
                scheduler.triggerJob(NightlyReplanSchedule.JOB);
                return NightlyReplanSchedule.JOB;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws Exception {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
    }

    private static HourPlan hourPlan(JsonNode body) {
        List<Spot> spots = new ArrayList<>();
        for (JsonNode spot : body.get("spots")) {
            CampaignKind kind = switch (spot.get(4).asString()) {
                case "C" -> CampaignKind.COMMERCIAL;
                case "P" -> CampaignKind.PUBLIC_SERVICE;
                default -> CampaignKind.FILLER;
            };
            spots.add(new Spot(
                    spot.get(0).asInt(),
                    spot.get(1).asInt(),
                    spot.get(2).asString(),
                    spot.get(3).asString(),
                    kind));
        }
        return new HourPlan(
                new SecondRange(
                        body.get("onAir").get("from").asInt(),
                        body.get("onAir").get("to").asInt()),
                spots);
    }
}
