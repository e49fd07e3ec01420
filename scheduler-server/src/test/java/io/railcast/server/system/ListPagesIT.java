package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Cursor pages of the lists ({@code limit}, {@code after}, {@code Link: <…>; rel="next"}) over real HTTP and the
 * shared PostgreSQL, on stations of its own (codes {@code LPG-…}, province {@code 翻页省}).
 */
class ListPagesIT extends ServerIntegrationTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");
    private static final String[] TYPES = {"LED_LARGE", "LCD_FRAME", "TV_SET"};
    private static final String[] ZONES = {"waiting-hall", "platform", "concourse"};
    private static final int SCREENS = 120;
    private static final String PROVINCE = URLEncoder.encode("翻页省", StandardCharsets.UTF_8);
    private static final String BUREAU = URLEncoder.encode("翻页局", StandardCharsets.UTF_8);

    @LocalServerPort
    private int port;

    @BeforeEach
    void stationsAndScreens() {
        if (count("station where code like 'LPG-%'") == 0) {
            List<Map<String, Object>> stations = new ArrayList<>();
            for (String code : List.of("LPG-A", "LPG-B", "LPG-C", "LPG-D", "LPG-E")) {
                stations.add(Map.of(
                        "code",
                        code,
                        "name",
                        "翻页 " + code,
                        "province",
                        "翻页省",
                        "bureau",
                        code.equals("LPG-E") ? "翻页二局" : "翻页局",
                        "tier",
                        code.equals("LPG-A") ? "HUB" : "STANDARD",
                        "operatingHours",
                        "05:30-23:30"));
            }
            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(stations)
                    .exchange()
                    .expectStatus()
                    .isCreated();
            List<Map<String, Object>> screens = new ArrayList<>();
            for (int i = 0; i < SCREENS; i++) {
                screens.add(Map.of(
                        "id",
                        String.format("LPG-A-%03d", i + 1),
                        "station",
                        "LPG-A",
                        "type",
                        TYPES[i % 3],
                        "zone",
                        ZONES[i % 3 == 0 ? 0 : (i % 2) + 1]));
            }
            screens.add(Map.of("id", "LPG-B-001", "station", "LPG-B", "type", "TV_SET", "zone", "platform"));
            for (int i = 10; i < 40; i++) {
                screens.add(Map.of("id", "LPG-C-0" + i, "station", "LPG-C", "type", "TV_SET", "zone", "platform"));
            }
            admin().post()
                    .uri("/api/v1/screens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(screens)
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void pagesThroughAStationsScreensYieldingEachExactlyOnceInIdOrder() {
        Pages pages = pageThrough("/api/v1/screens?station=LPG-A&limit=25", "id");

        assertThat(pages.keys()).hasSize(SCREENS).doesNotHaveDuplicates().isSorted();
        assertThat(pages.keys())
                .containsExactlyInAnyOrderElementsOf(
                        sql().queryForList("select id from screen where station_code = 'LPG-A'", String.class));
        assertThat(pages.sizes()).containsExactly(25, 25, 25, 25, 20);
        // every next link repeats the filter and the page size, and names the last item seen
        assertThat(pages.links())
                .hasSize(4)
                .allSatisfy(link -> assertThat(link).startsWith("/api/v1/screens?station=LPG-A&limit=25&after="));
        assertThat(pages.links().get(0)).endsWith("&after=" + cursor("LPG-A-025"));
    }

    @Test
    void aScreenAddedBehindTheCursorNeitherRepeatsNorHidesAnother() {
        Map<String, Object> first = page("/api/v1/screens?station=LPG-C&limit=10");
        assertThat(items(first)).extracting(screen -> screen.get("id")).endsWith("LPG-C-019");
        String next = Objects.requireNonNull(first.get("next")).toString();
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "LPG-C-000", "station", "LPG-C", "type", "TV_SET", "zone", "platform"))
                .exchange()
                .expectStatus()
                .isCreated();

        Pages rest = pageThrough(next, "id");

        assertThat(rest.keys()).hasSize(20).doesNotHaveDuplicates().isSorted();
        assertThat(rest.keys().get(0)).isEqualTo("LPG-C-020");
        assertThat(rest.keys().get(19)).isEqualTo("LPG-C-039");
    }

    @Test
    void filtersScreensByTypeAndZone() {
        Pages leds = pageThrough("/api/v1/screens?station=LPG-A&type=led_large&limit=7", "id");
        assertThat(leds.keys())
                .hasSize(SCREENS / 3)
                .allSatisfy(id -> assertThat(id).startsWith("LPG-A-"));
        assertThat(leds.items())
                .allSatisfy(screen -> assertThat(screen.get("type")).isEqualTo("LED_LARGE"));

        Pages platform = pageThrough("/api/v1/screens?station=LPG-A&zone=platform&type=LCD_FRAME", "id");
        assertThat(platform.keys())
                .isNotEmpty()
                .containsExactlyElementsOf(sql().queryForList(
                                "select id from screen where station_code = 'LPG-A' and zone = 'platform'"
                                        + " and type = 'LCD_FRAME' order by id",
                                String.class));
        assertThat(platform.links()).isEmpty();
    }

    @Test
    void pagesStationsByFilterWithTheFilterInTheLink() {
        Pages stations =
                pageThrough("/api/v1/stations?province=" + PROVINCE + "&bureau=" + BUREAU + "&limit=2", "code");

        assertThat(stations.keys()).containsExactly("LPG-A", "LPG-B", "LPG-C", "LPG-D");
        assertThat(stations.sizes()).containsExactly(2, 2);
        assertThat(pageThrough("/api/v1/stations?province=" + PROVINCE + "&tier=hub", "code")
                        .keys())
                .containsExactly("LPG-A");
    }

    @Test
    void pagesTheWholeNetworkAThousandScreensAtATime() {
        Pages all = pageThrough("/api/v1/screens?limit=1000", "id");

        // in the database's own order of ids (its collation), as every page is read
        assertThat(all.keys())
                .containsExactlyElementsOf(sql().queryForList("select id from screen order by id", String.class));
        assertThat(all.items()).hasSizeGreaterThanOrEqualTo(DEMO_SCREENS + SCREENS);
        assertThat(items(page("/api/v1/screens"))).hasSize(100);
    }

    @Test
    void pagesCreativesAndVersionsToo() {
        io.railcast.server.Bookings.ensureCreative(admin(), sql());
        Pages creatives = pageThrough("/api/v1/creatives?limit=3", "id");
        assertThat(creatives.keys())
                .containsExactlyElementsOf(sql().queryForList("select id from creative order by id", String.class));
        assertThat(pageThrough("/api/v1/creatives?screenType=tv_set&limit=2", "id")
                        .items())
                .allSatisfy(creative ->
                        assertThat(String.valueOf(creative.get("screenTypes"))).contains("TV_SET"));

        Pages versions = pageThrough("/api/v1/versions?limit=1", "version");
        assertThat(versions.keys()).hasSizeGreaterThanOrEqualTo(1);
        assertThat(versions.items())
                .extracting(version -> ((Number) version.get("version")).longValue())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
        assertThat(pageThrough("/api/v1/versions?screen=NO-SUCH-SCREEN", "version")
                        .keys())
                .isEmpty();
    }

    @Test
    void refusesABadLimitOrCursorNamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/v1/screens?limit=0", "limit");
        bad.put("/api/v1/screens?limit=1001", "limit");
        bad.put("/api/v1/stations?limit=ten", "limit");
        bad.put("/api/v1/stations?limit=99999999999", "limit");
        bad.put("/api/v1/campaigns?limit=-1", "limit");
        bad.put("/api/v1/creatives?limit=1.5", "limit");
        bad.put("/api/v1/versions?limit=0", "limit");
        bad.put("/api/v1/screens?after=not*base64", "after");
        bad.put("/api/v1/screens?after=" + cursor("two words"), "after");
        bad.put(
                "/api/v1/stations?after="
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}),
                "after");
        bad.put("/api/v1/campaigns?after=A", "after");
        bad.put("/api/v1/versions?after=" + cursor("LPG-A-001"), "after");
        bad.put("/api/v1/creatives?screenType=hologram", "screenType");
        bad.put("/api/v1/campaigns?flying=tomorrow", "flying");
        bad.put("/api/v1/campaigns?station=no%20code", "station");
        bad.put("/api/v1/screens?type=hologram", "type");
        bad.forEach((uri, field) -> admin().get()
                .uri(URI.create("http://localhost:" + port + uri))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field));
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        admin().get()
                .uri("/api/v1/screens?type=hologram&limit=0&after=***")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("type", "limit", "after"));
    }

    /** Every page from {@code first} on, following rel="next" until a page has none. */
    private Pages pageThrough(String first, String key) {
        Pages pages = new Pages(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String next = first;
        while (next != null) {
            Map<String, Object> page = page(next);
            List<Map<String, Object>> items = items(page);
            pages.items().addAll(items);
            items.forEach(item -> pages.keys().add(String.valueOf(item.get(key))));
            pages.sizes().add(items.size());
            next = (String) page.get("next");
            if (next != null) {
                pages.links().add(next);
            }
            assertThat(pages.sizes()).as("pages of " + first).hasSizeLessThan(1000);
        }
        assertThat(new HashSet<>(pages.keys())).hasSameSizeAs(pages.keys());
        return pages;
    }

    /** One page: its items and the target of its Link rel="next" (null without one). */
    private Map<String, Object> page(String pathAndQuery) {
        EntityExchangeResult<List<Map<String, Object>>> result = admin().get()
                .uri(URI.create("http://localhost:" + port + pathAndQuery))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", result.getResponseBody());
        page.put("next", next(result.getResponseHeaders().getFirst(HttpHeaders.LINK)));
        return page;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static @Nullable String next(@Nullable String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as("Link " + link).isTrue();
        return matcher.group(1);
    }

    private static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private record Pages(List<String> keys, List<Integer> sizes, List<String> links, List<Map<String, Object>> items) {}
}
