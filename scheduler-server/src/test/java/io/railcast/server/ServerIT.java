package io.railcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.planning.PlanningService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/** The server as operations see it: health, metrics, schema, scheduler, and who may call what. */
class ServerIT extends ServerIntegrationTest {

    @Autowired
    private Scheduler scheduler;

    @Autowired
    private PlanningService planning;

    @Test
    void reportsHealthUpWithTheDatabaseToAnyone() {
        planning.ready().block(Duration.ofMinutes(3)); // until version 1 is published, planning is OUT_OF_SERVICE
        anonymous
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        admin().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.db.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP");
        anonymous
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
        anonymous.get().uri("/actuator/info").exchange().expectStatus().isOk();
    }

    @Test
    void servesItsOneStaticFileToAnyone() {
        anonymous
                .get()
                .uri("/robots.txt")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class)
                .isEqualTo("User-agent: *\nDisallow: /\n");
        anonymous.post().uri("/robots.txt").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void exposesPrometheusMetricsToTheAdminOnly() {
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        admin().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void migratesNetworkBookingScheduleAndQuartzTablesWithFlyway() {
        List<String> versions = sql().queryForList(
                        "select version from flyway_schema_history where success order by installed_rank",
                        String.class);
        assertThat(versions)
                .containsExactly(
                        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "14", "15", "16", "17", "18",
                        "19", "20");
        List<String> tables = sql().queryForList(
                        "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables)
                .contains(
                        "station",
                        "screen",
                        "users",
                        "creative",
                        "campaign",
                        "schedule_version",
                        "hour_plan",
                        "screen_schedule",
                        "qrtz_job_details",
                        "qrtz_triggers",
                        "qrtz_locks",
                        "qrtz_scheduler_state",
                        "qrtz_fired_triggers",
                        "play_slot",
                        "audit_log",
                        "out_of_service",
                        "hold",
                        "takeover",
                        "takeover_lost_play",
                        "campaign_delivery",
                        "hour_decision");
    }

    @Test
    void runsQuartzClusteredOnTheJdbcStore() throws SchedulerException {
        SchedulerMetaData metaData = scheduler.getMetaData();
        assertThat(metaData.isStarted()).isTrue();
        assertThat(metaData.isJobStoreClustered()).isTrue();
        assertThat(metaData.getJobStoreClass()).isEqualTo(LocalDataSourceJobStore.class);
        // a clustered scheduler checks in to the shared table when it starts
        assertThat(sql().queryForList("select instance_name from qrtz_scheduler_state", String.class))
                .contains(scheduler.getSchedulerInstanceId());
    }

    @Test
    void refusesCallsWithoutValidCredentialsAsProblems() {
        anonymous
                .get()
                .uri("/api/v1/stations")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"RailCast\"")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
        anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(USER, "wrong"))
                .build()
                .get()
                .uri("/api/v1/screens")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        anonymous
                .post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void runsTheEmbeddedServerWithoutFsyncOnlyWhenToldTo() {
        // this test context sets railcast.database.embedded.durable=false; EmbeddedDatabasePersistenceIT checks on
        assertThat(sql().queryForObject("show fsync", String.class)).isEqualTo("off");
    }
}
