package io.railcast.server.audit;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The history over real HTTP and PostgreSQL: each kind of change leaves one record with who, when, from where and
 * the object before and after, in the change's own transaction; a refused change leaves none; the database refuses
 * to change or delete records; only administrators and operators read the whole history. Each test changes objects
 * of its own (codes starting AUD) and reads only their records.
 */
class AuditIT extends ServerIntegrationTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> RECORDS =
            new ParameterizedTypeReference<>() {};
    private static final String LOOPBACK = "127.0.0.1|0:0:0:0:0:0:0:1|::1";

    @Test
    void recordsAStationImportOneRecordPerStationWithWhoWhereAndTheStationAfter() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(station("AUDIMP1"), station("AUDIMP2")))
                .exchange()
                .expectStatus()
                .isCreated();

        Instant now = Instant.now();
        List<Map<String, Object>> records = records(admin(), "object=station:AUDIMP2");
        assertThat(records).hasSize(1);
        Map<String, Object> record = records.get(0);
        assertThat(record)
                .containsEntry("user", USER)
                .containsEntry("kind", "import")
                .containsEntry("objectType", "station")
                .containsEntry("objectId", "AUDIMP2")
                .containsEntry("before", null);
        assertThat((String) record.get("address")).matches(LOOPBACK);
        assertThat(Instant.parse((String) record.get("recordedAt"))).isBetween(now.minusSeconds(60), now);
        assertThat(map(record, "after")).containsEntry("code", "AUDIMP2").containsEntry("tier", "STANDARD");
        assertThat(records(admin(), "object=station:AUDIMP1")).hasSize(1);
    }

    @Test
    void recordsEveryChangeOfACampaignWithItsStateBeforeAndAfterAsItsHistory() {
        Bookings.ensureCreative(admin(), sql());
        String station = Bookings.stations(sql()).get(2);
        WebTestClient planner = as("planner");
        planner.post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("AUD-CAMP", station, "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        campaignChange(planner.post().uri("/api/v1/campaigns/AUD-CAMP/pause"));
        campaignChange(planner.put()
                .uri("/api/v1/campaigns/AUD-CAMP")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("AUD-CAMP", station, "2/h")));
        campaignChange(planner.post().uri("/api/v1/campaigns/AUD-CAMP/resume"));
        campaignChange(planner.post().uri("/api/v1/campaigns/AUD-CAMP/cancel"));

        List<Map<String, Object>> history = as("csr")
                .get()
                .uri("/api/v1/campaigns/AUD-CAMP/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(RECORDS)
                .returnResult()
                .getResponseBody();
        assertThat(history)
                .extracting(r -> r.get("kind"))
                .containsExactly("cancel", "resume", "update", "pause", "create");
        assertThat(history).allSatisfy(r -> assertThat(r).containsEntry("user", "planner"));
        Map<String, Object> created = history.get(4);
        assertThat(created.get("before")).isNull();
        assertThat(map(created, "after")).containsEntry("status", "ACTIVE").containsEntry("version", 1);
        Map<String, Object> updated = history.get(2);
        assertThat(map(map(updated, "before"), "campaign")).containsEntry("frequency", "1/h");
        assertThat(map(map(updated, "after"), "campaign")).containsEntry("frequency", "2/h");
        assertThat(map(updated, "before")).containsEntry("status", "PAUSED");
        assertThat(map(updated, "after")).containsEntry("status", "PAUSED").containsEntry("version", 3);
        assertThat(map(history.get(0), "before")).containsEntry("status", "ACTIVE");
        assertThat(map(history.get(0), "after")).containsEntry("status", "CANCELLED");
        assertThat(records(as("operator"), "object=campaign:AUD-CAMP")).isEqualTo(history);
    }

    @Test
    void recordsTheCancellationOfAPausedCampaignWhichIsStoredWithoutPlanning() {
        Bookings.ensureCreative(admin(), sql());
        String station = Bookings.stations(sql()).get(2);
        WebTestClient csr = as("csr");
        csr.post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.publicService("AUD-PSA", station))
                .exchange()
                .expectStatus()
                .isCreated();
        campaignChange(csr.post().uri("/api/v1/campaigns/AUD-PSA/pause"));
        long versions = count("schedule_version");
        campaignChange(csr.post().uri("/api/v1/campaigns/AUD-PSA/cancel"));
        assertThat(count("schedule_version"))
                .as("a paused campaign is not planned")
                .isEqualTo(versions);

        List<Map<String, Object>> history = records(admin(), "object=campaign:AUD-PSA");
        assertThat(history).extracting(r -> r.get("kind")).containsExactly("cancel", "pause", "create");
        assertThat(history).allSatisfy(r -> assertThat(r).containsEntry("user", "csr"));
        assertThat(map(history.get(0), "before")).containsEntry("status", "PAUSED");
        assertThat(map(history.get(0), "after")).containsEntry("status", "CANCELLED");
    }

    @Test
    void recordsNothingForRefusedChanges() {
        Bookings.ensureCreative(admin(), sql());
        String station = Bookings.stations(sql()).get(2);
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("AUD-STALE", station, "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        as("planner")
                .put()
                .uri("/api/v1/campaigns/AUD-STALE")
                .header(HttpHeaders.IF_MATCH, "\"7\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("AUD-STALE", station, "2/h"))
                .exchange()
                .expectStatus()
                .isEqualTo(412);
        assertThat(records(admin(), "object=campaign:AUD-STALE"))
                .extracting(r -> r.get("kind"))
                .containsExactly("create");

        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.greedy("AUD-GREEDY", Bookings.hub(sql())))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(records(admin(), "object=campaign:AUD-GREEDY")).isEmpty();

        // an import refused as a whole because one code is taken: none of its stations is recorded
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("AUDDUP1"))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(station("AUDDUP2"), station("AUDDUP1")))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(records(admin(), "object=station:AUDDUP1")).hasSize(1);
        assertThat(records(admin(), "object=station:AUDDUP2")).isEmpty();
    }

    @Test
    void recordsChangesOfUsersAndThatAPasswordChangedButNeverThePasswordOrItsHash() {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "aud.user", "password", "first-secret-1", "role", "PLANNER"))
                .exchange()
                .expectStatus()
                .isCreated();
        patchUser(Map.of("role", "CSR"));
        patchUser(Map.of("enabled", false));
        patchUser(Map.of("enabled", true));
        admin().post()
                .uri("/api/v1/users/aud.user/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "second-secret-2"))
                .exchange()
                .expectStatus()
                .isNoContent();
        anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth("aud.user", "second-secret-2"))
                .build()
                .post()
                .uri("/api/v1/users/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "second-secret-2", "newPassword", "third-secret-3"))
                .exchange()
                .expectStatus()
                .isNoContent();

        List<Map<String, Object>> records = records(admin(), "object=user:aud.user");
        assertThat(records)
                .extracting(r -> r.get("kind"))
                .containsExactly("password-change", "password-reset", "enable", "disable", "role", "create");
        assertThat(records).extracting(r -> r.get("user")).containsExactly("aud.user", USER, USER, USER, USER, USER);
        assertThat(map(records.get(4), "before")).containsEntry("role", "PLANNER");
        assertThat(map(records.get(4), "after")).containsEntry("role", "CSR");
        assertThat(map(records.get(3), "after")).containsEntry("enabled", false);
        String stored = sql().queryForObject(
                        "select string_agg(coalesce(before::text, '') || after::text, ' ') from audit_log"
                                + " where object_type = 'user' and object_id = 'aud.user'",
                        String.class);
        assertThat(stored).doesNotContain("secret").doesNotContain("bcrypt").doesNotContainIgnoringCase("password");
    }

    @Test
    void recordsCreativesAndAgentTokensWithoutTheToken() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("AUDTOK"))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(screen("AUDTOK-01"), screen("AUDTOK-02")))
                .exchange()
                .expectStatus()
                .isCreated();
        as("planner")
                .post()
                .uri("/api/v1/creatives?id=AUD-CR-1&durationSeconds=15&screenTypes=LCD_FRAME")
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 9, 8, 7})
                .exchange()
                .expectStatus()
                .isCreated();
        String token = (String) Objects.requireNonNull(admin().post()
                        .uri("/api/v1/screens/AUDTOK-01/agent-token")
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                        .returnResult()
                        .getResponseBody())
                .get("token");
        admin().post()
                .uri("/api/v1/agent-tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("screens", List.of("AUDTOK-01", "AUDTOK-02")))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().delete()
                .uri("/api/v1/screens/AUDTOK-02/agent-token")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(records(admin(), "object=screen:AUDTOK-01"))
                .singleElement()
                .satisfies(r -> assertThat(map(r, "after"))
                        .containsEntry("station", "AUDTOK")
                        .containsEntry("type", "LCD_FRAME"));
        assertThat(records(admin(), "object=creative:AUD-CR-1")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("user", "planner").containsEntry("kind", "create");
            assertThat(map(r, "after")).containsEntry("sizeBytes", 11).containsKey("sha256");
        });
        List<Map<String, Object>> first = records(admin(), "object=agent-token:AUDTOK-01");
        assertThat(first).extracting(r -> r.get("kind")).containsExactly("issue", "issue");
        assertThat(map(first.get(1), "before")).containsEntry("live", false);
        assertThat(map(first.get(1), "after")).containsEntry("live", true);
        assertThat(map(first.get(0), "before")).containsEntry("live", true);
        List<Map<String, Object>> second = records(admin(), "object=agent-token:AUDTOK-02");
        assertThat(second).extracting(r -> r.get("kind")).containsExactly("revoke", "issue");
        assertThat(map(second.get(0), "after")).containsEntry("live", false);
        assertThat(count("audit_log where object_id like 'AUDTOK-0_' and (after::text like '%" + token
                        + "%' or after::text like '%hash%')"))
                .isZero();
    }

    @Test
    void aChangeWhoseTransactionFailsLeavesNeitherTheChangeNorItsRecord() {
        // a real failure inside the change's transaction, after its record was written: the booking's schedule
        // version cannot be stored (for this campaign only), and a station's record cannot be stored
        sql().execute("create function audit_it_refuse() returns trigger language plpgsql as"
                + " $$ begin raise exception 'refused by AuditIT'; end $$");
        sql().execute("create trigger audit_it_version before insert on schedule_version for each row"
                + " when (new.reason = 'booking of AUD-ROLLBACK') execute function audit_it_refuse()");
        sql().execute("create trigger audit_it_record before insert on audit_log for each row"
                + " when (new.object_id = 'AUDFAIL2') execute function audit_it_refuse()");
        try {
            Bookings.ensureCreative(admin(), sql());
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(
                            commercial("AUD-ROLLBACK", Bookings.stations(sql()).get(2), "1/h"))
                    .exchange()
                    .expectStatus()
                    .is5xxServerError();
            assertThat(count("campaign where id = 'AUD-ROLLBACK'")).isZero();
            assertThat(count("audit_log where object_id = 'AUD-ROLLBACK'")).isZero();

            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(station("AUDFAIL1"), station("AUDFAIL2")))
                    .exchange()
                    .expectStatus()
                    .is5xxServerError();
            assertThat(count("station where code in ('AUDFAIL1', 'AUDFAIL2')")).isZero();
            assertThat(count("audit_log where object_id in ('AUDFAIL1', 'AUDFAIL2')"))
                    .isZero();
        } finally {
            sql().execute("drop trigger audit_it_version on schedule_version");
            sql().execute("drop trigger audit_it_record on audit_log");
            sql().execute("drop function audit_it_refuse()");
        }
    }

    @Test
    void recordsAnAdministratorLiftingASignInLockout() {
        WebTestClient guesser = anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth("aud.guessed", "wrong-guess"))
                .build();
        for (int i = 0; i < 5; i++) {
            guesser.get()
                    .uri("/api/v1/versions/current")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        guesser.get().uri("/api/v1/versions/current").exchange().expectStatus().isEqualTo(429);
        admin().delete()
                .uri("/api/v1/sign-in-lockouts/users/aud.guessed")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(records(admin(), "object=sign-in-lockout:user:aud.guessed"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r).containsEntry("kind", "clear").containsEntry("after", null);
                    assertThat(map(r, "before"))
                            .containsEntry("key", "aud.guessed")
                            .containsEntry("failures", 5);
                });
    }

    @Test
    void refusesToUpdateDeleteOrTruncateRecordsInTheDatabase() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("AUDKEEP"))
                .exchange()
                .expectStatus()
                .isCreated();
        long records = count("audit_log");
        assertThatThrownBy(() -> sql().update("update audit_log set username = 'nobody' where object_id = 'AUDKEEP'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql().update("delete from audit_log where object_id = 'AUDKEEP'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql().execute("truncate audit_log"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(count("audit_log")).isEqualTo(records);
        assertThat(records(admin(), "object=station:AUDKEEP"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("user", USER));
    }

    @Test
    void letsOnlyAdministratorsAndOperatorsReadTheWholeHistory() {
        as("operator").get().uri("/api/v1/audit").exchange().expectStatus().isOk();
        admin().get().uri("/api/v1/audit").exchange().expectStatus().isOk();
        for (String user : List.of("planner", "csr")) {
            as(user).get()
                    .uri("/api/v1/audit")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        anonymous.get().uri("/api/v1/audit").exchange().expectStatus().isUnauthorized();
        as("operator")
                .get()
                .uri("/api/v1/campaigns/AUD-NO-SUCH/history")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void filtersByUserAndTimeNewestFirstAndPagesWithACursor() {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "aud.pager", "password", "pager-secret-1", "role", "ADMIN"))
                .exchange()
                .expectStatus()
                .isCreated();
        WebTestClient pager = anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth("aud.pager", "pager-secret-1"))
                .build();
        for (int i = 1; i <= 5; i++) {
            pager.post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(station("AUDPAGE" + i))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        List<Map<String, Object>> all = records(as("operator"), "user=aud.pager");
        assertThat(all)
                .extracting(r -> r.get("objectId"))
                .containsExactly("AUDPAGE5", "AUDPAGE4", "AUDPAGE3", "AUDPAGE2", "AUDPAGE1");

        List<Object> paged = new ArrayList<>();
        String next = "/api/v1/audit?user=aud.pager&limit=2";
        int pages = 0;
        while (next != null) {
            EntityExchangeResult<List<Map<String, Object>>> page = as("operator")
                    .get()
                    .uri(next)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(RECORDS)
                    .returnResult();
            assertThat(page.getResponseBody()).hasSizeLessThanOrEqualTo(2);
            page.getResponseBody().forEach(r -> paged.add(r.get("objectId")));
            next = nextLink(page.getResponseHeaders());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly("AUDPAGE5", "AUDPAGE4", "AUDPAGE3", "AUDPAGE2", "AUDPAGE1");

        String third = (String) all.get(2).get("recordedAt");
        assertThat(records(admin(), "user=aud.pager&from=" + third))
                .extracting(r -> r.get("objectId"))
                .containsExactly("AUDPAGE5", "AUDPAGE4", "AUDPAGE3");
        assertThat(records(admin(), "user=aud.pager&to=" + third + "&object=station"))
                .extracting(r -> r.get("objectId"))
                .containsExactly("AUDPAGE2", "AUDPAGE1");
        assertThat(records(admin(), "user=aud.pager&object=screen")).isEmpty();
    }

    @Test
    void refusesBadParametersNamingEach() {
        expectInvalid("/api/v1/audit?limit=0", "limit");
        expectInvalid("/api/v1/audit?limit=1001", "limit");
        expectInvalid("/api/v1/audit?limit=ten", "limit");
        expectInvalid("/api/v1/audit?after=not-a-cursor", "after");
        expectInvalid("/api/v1/audit?from=yesterday", "from");
        expectInvalid("/api/v1/audit?from=2026-12-07T10:00:00Z&to=2026-12-07T09:00:00Z", "to");
        expectInvalid("/api/v1/audit?object=:C-1", "object");
        expectInvalid("/api/v1/campaigns/AUD-ANY/history?limit=-3", "limit");
    }

    private void expectInvalid(String uri, String field) {
        admin().get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private void campaignChange(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange().expectStatus().isOk();
    }

    private void patchUser(Map<String, Object> change) {
        admin().patch()
                .uri("/api/v1/users/aud.user")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static List<Map<String, Object>> records(WebTestClient client, String query) {
        return client.get()
                .uri("/api/v1/audit?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(RECORDS)
                .returnResult()
                .getResponseBody();
    }

    /** The target of {@code Link: <…>; rel="next"}, or null on the last page. */
    private static String nextLink(HttpHeaders headers) {
        String link = headers.getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        assertThat(link).endsWith("; rel=\"next\"").startsWith("</api/v1/audit?");
        return link.substring(1, link.indexOf('>'));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> record, String key) {
        return (Map<String, Object>) record.get(key);
    }

    private static Map<String, Object> station(String code) {
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("code", code);
        station.put("name", "审计" + code);
        station.put("province", "审计省");
        station.put("bureau", "审计局");
        station.put("tier", "STANDARD");
        station.put("operatingHours", "05:30-00:30");
        return station;
    }

    private static Map<String, Object> screen(String id) {
        return Map.of("id", id, "station", "AUDTOK", "type", "LCD_FRAME", "zone", "waiting-hall");
    }
}
