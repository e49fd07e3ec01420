package io.railcast.server.planning;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Retiring old schedule versions: what is kept, what goes, and that nothing else may delete them. */
class VersionRetentionIT extends ServerIntegrationTest {

    @Autowired
    private VersionRetention retention;

    @Autowired
    private Scheduler scheduler;

    @Test
    void refusesToDeletePublishedSchedulesOutsideRetention() {
        long oldest = sql().queryForObject("select min(version) from schedule_version", Long.class);
        for (String delete : List.of(
                "delete from screen_schedule where version = " + oldest,
                "delete from schedule_version where version = " + oldest,
                "delete from hour_plan where id = (select fallback_plan_id from screen_schedule where version = "
                        + oldest + " limit 1)")) {
            assertThatThrownBy(() -> sql().update(delete))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("deleted only by version retention");
        }
        assertThat(count("schedule_version where version = " + oldest)).isOne();
    }

    @Test
    void retiresOldVersionsButKeepsRecentInForceAndPlayedOnes() throws Exception {
        Bookings.ensureCreative(admin(), sql());
        String station = Bookings.stations(sql()).get(11);
        for (String id : List.of("RET-1", "RET-2", "RET-3")) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial(id, station, "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        // an agent says it still plays the oldest version
        String screen =
                sql().queryForObject("select min(id) from screen where station_code = ?", String.class, station);
        WebTestClient agent = anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(issueToken(screen)))
                .build();
        long played = sql().queryForObject("select min(version) from schedule_version", Long.class);
        agent.post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "agentVersion",
                        "it",
                        "scheduleVersion",
                        played,
                        "sentAt",
                        Instant.now().toString()))
                .exchange()
                .expectStatus()
                .isOk();

        // what the rules keep, worked out here from the rows: the 2 most recent, the one in force now and later
        // ones, and the one the agent plays
        List<Map<String, Object>> rows =
                sql().queryForList("select version, effective_at from schedule_version order by version");
        List<Long> versions = rows.stream()
                .map(row -> ((Number) row.get("version")).longValue())
                .toList();
        long inForce = rows.stream()
                .filter(row ->
                        !((Timestamp) row.get("effective_at")).toInstant().isAfter(Instant.now()))
                .mapToLong(row -> ((Number) row.get("version")).longValue())
                .max()
                .orElseThrow();
        List<Long> expected = new ArrayList<>();
        for (long version : versions) {
            if (version < inForce && version < versions.get(versions.size() - 2) && version != played) {
                expected.add(version);
            }
        }
        assertThat(expected).as("the test needs something to retire").isNotEmpty();
        long screenRows = count("screen_schedule where version = any(array" + expected + "::bigint[])");

        VersionRetention.Retirement retired = retention.retire(2, Duration.ZERO).block(Duration.ofMinutes(2));
        assertThat(retired.versions()).containsExactlyElementsOf(expected);
        assertThat(retired.screenRows()).isEqualTo(screenRows);
        assertThat(count("schedule_version")).isEqualTo(versions.size() - expected.size());
        assertThat(count("schedule_version where version = " + played)).isOne();
        assertThat(count("screen_schedule where version = any(array" + expected + "::bigint[])"))
                .isZero();
        // no row names a plan that is gone, and no plan is left that no row names
        assertThat(count("(select unnest(plan_ids) id from screen_schedule union select fallback_plan_id"
                        + " from screen_schedule) used where id is not null and id not in (select id from hour_plan)"))
                .isZero();
        assertThat(count("hour_plan h where not exists (select 1 from screen_schedule ss where h.id = any(ss.plan_ids)"
                        + " or h.id = ss.fallback_plan_id)"))
                .isZero();

        agent.get()
                .uri("/agent/v1/schedule?hours=24")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(versions.get(versions.size() - 1));
        assertThat(retention
                        .retire(2, Duration.ZERO)
                        .block(Duration.ofMinutes(2))
                        .versions())
                .as("a second run finds nothing more")
                .isEmpty();
    }

    @Test
    void isScheduledNightlyInTheClusterWithoutCatchUp() throws Exception {
        assertThat(scheduler.getJobDetail(VersionRetentionSchedule.JOB).isConcurrentExecutionDisallowed())
                .isTrue();
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(VersionRetentionSchedule.TRIGGER);
        assertThat(trigger.getCronExpression()).isEqualTo("0 30 3 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
    }

    private String issueToken(String screenId) {
        Map<String, Object> issued = admin().post()
                .uri("/api/v1/screens/{id}/agent-token", screenId)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }
}
