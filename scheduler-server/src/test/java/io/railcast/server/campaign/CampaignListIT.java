package io.railcast.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * {@code GET /api/v1/campaigns}: its filters and its pages, on a station and an owner of its own (codes
 * {@code CLIST-…}).
 */
class CampaignListIT extends ServerIntegrationTest {

    private static final String OWNER = "列表测试业主";

    @LocalServerPort
    private int port;

    @BeforeEach
    void campaigns() {
        Bookings.ensureCreative(admin(), sql());
        allDayStation("CLIST-ST");
        if (count("campaign where id like 'CLIST-%'") == 0) {
            book("CLIST-NOW", Bookings.today());
            book("CLIST-LATER", Bookings.today().plusDays(30));
        }
    }

    @Test
    void findsCampaignsByOwnerStationAndTheDayTheyFly() {
        assertThat(ids("/api/v1/campaigns?owner={o}", OWNER)).containsExactly("CLIST-LATER", "CLIST-NOW");
        assertThat(ids("/api/v1/campaigns?station=CLIST-ST")).containsExactly("CLIST-LATER", "CLIST-NOW");
        assertThat(ids("/api/v1/campaigns?owner={o}&flying={d}", OWNER, Bookings.today()))
                .containsExactly("CLIST-NOW");
        // the flight's end is exclusive: ten days from its first day, it no longer flies
        assertThat(ids(
                        "/api/v1/campaigns?owner={o}&flying={d}",
                        OWNER,
                        Bookings.today().plusDays(10)))
                .isEmpty();
        assertThat(ids(
                        "/api/v1/campaigns?owner={o}&flying={d}",
                        OWNER,
                        Bookings.today().plusDays(35)))
                .containsExactly("CLIST-LATER");
        assertThat(ids("/api/v1/campaigns?owner={o}&kind=commercial&status=active", OWNER))
                .containsExactly("CLIST-LATER", "CLIST-NOW");
        assertThat(ids("/api/v1/campaigns?owner={o}&kind=filler", OWNER)).isEmpty();
    }

    @Test
    void findsCampaignsByTextInTheirIdNameOrOwnerInAnyCase() {
        assertThat(ids("/api/v1/campaigns?q={q}", "clist-la")).containsExactly("CLIST-LATER");
        assertThat(ids("/api/v1/campaigns?q={q}", "测试 CLIST-N")).containsExactly("CLIST-NOW");
        assertThat(ids("/api/v1/campaigns?q={q}&flying={d}", "列表测试", Bookings.today()))
                .containsExactly("CLIST-NOW");
        assertThat(ids("/api/v1/campaigns?q={q}", "CLIST_%"))
                .as("wildcards are text")
                .isEmpty();
        admin().get()
                .uri("/api/v1/campaigns?q={q}", "x".repeat(65))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("q");
    }

    @Test
    void pagesThroughEveryCampaignOnceInIdOrder() {
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/campaigns?limit=7";
        int pages = 0;
        while (next != null) {
            EntityExchangeResult<List<CampaignView>> page = admin().get()
                    .uri(URI.create("http://localhost:" + port + next))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBodyList(CampaignView.class)
                    .returnResult();
            List<CampaignView> items = page.getResponseBody();
            assertThat(items).hasSizeBetween(1, 7);
            items.forEach(view -> seen.add(view.campaign().id()));
            String link = page.getResponseHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(1, link.indexOf('>'));
            pages++;
        }
        List<String> stored = sql().queryForList("select id from campaign order by id", String.class);
        assertThat(seen).containsExactlyElementsOf(stored);
        assertThat(pages).isEqualTo((stored.size() + 6) / 7);
    }

    private List<String> ids(String uri, Object... values) {
        return admin()
                .get()
                .uri(uri, values)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(CampaignView.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(view -> view.campaign().id())
                .toList();
    }

    private void book(String id, LocalDate firstDay) {
        Map<String, Object> campaign = new LinkedHashMap<>(Bookings.commercial(id, "CLIST-ST", "1/h", firstDay));
        campaign.put("owner", OWNER);
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
