package io.railcast.server.console;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The booking horizon in a real headless Chromium: a planner sees the holds in force (their own, then everyone's)
 * on the booking page and releases one and confirms another, each after a confirmation step; the inventory shows
 * any month of the horizon, sold, held or free, as the API counts it. Each test has an all-day station of its own
 * (the inventory's in a province of its own).
 */
class ConsoleHorizonIT extends ServerIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    private int port;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        Bookings.ensureCreative(admin(), sql());
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void plannerSeesHoldsThenReleasesOneAndConfirmsAnotherAfterBeingAsked() {
        allDayStation("CONHLD-A");
        LocalDate first = Bookings.today().plusDays(40);
        long released = hold(as("planner"), commercial("CONHLD-P1", "CONHLD-A", "1/h", first));
        long confirmed = hold(as("planner"), commercial("CONHLD-P2", "CONHLD-A", "1/h", first));
        long others = hold(admin(), commercial("CONHLD-X1", "CONHLD-A", "1/h", first));

        browser.signIn("planner", DEMO_PASSWORD);
        browser.element("#nav-booking").click();
        holdRows("mine", released, confirmed);
        assertThat(browser.driver().findElements(By.cssSelector("#hold-rows tr[data-hold='" + others + "']")))
                .as("only the planner's own holds at first")
                .isEmpty();
        browser.element("input[name='hold-scope'][value='all']").click();
        holdRows("all", released, confirmed, others);
        browser.text("#hold-rows tr[data-hold='" + others + "']", "admin");
        browser.screenshot("console-holds");

        action(released, "release");
        browser.text("#hold-confirm-title", "释放 · CONHLD-P1");
        as("planner")
                .get()
                .uri("/api/v1/holds/{id}", released)
                .exchange()
                .expectStatus()
                .isOk();
        browser.element("#hold-do").click();
        browser.text("#hold-status", "已释放: CONHLD-P1");
        as("planner")
                .get()
                .uri("/api/v1/holds/{id}", released)
                .exchange()
                .expectStatus()
                .isNotFound();

        action(confirmed, "confirm");
        browser.text("#hold-confirm-title", "确认为预订 · CONHLD-P2");
        browser.element("#hold-do").click();
        browser.text("#hold-status", "已确认为预订: CONHLD-P2");
        as("planner")
                .get()
                .uri("/api/v1/campaigns/CONHLD-P2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        browser.until(d -> d.findElements(By.cssSelector("#hold-rows tr[data-hold='" + confirmed + "']"))
                        .isEmpty()
                ? true
                : null);
    }

    @Test
    void inventoryShowsAnyMonthOfTheHorizonSoldHeldOrFreeAsTheApiCountsIt() {
        // a province of its own, so that one screen's booking and hold are a visible share of it
        String province = "控制台库存省";
        stationIn(province, "CONINV-A");
        LocalDate day = Bookings.today().plusDays(150);
        book(commercial("CONINV-B1", "CONINV-A", "2/h", day));
        hold(as("planner"), commercial("CONINV-H1", "CONINV-A", "1/h", day));
        YearMonth month = YearMonth.from(day);

        browser.signIn("planner", DEMO_PASSWORD);
        browser.element("#nav-inventory").click();
        WebElement chart = browser.element("#province-day");
        browser.until(d -> "ready".equals(chart.getDomAttribute("data-state")) ? true : null);
        new Select(browser.element("#inv-month")).selectByValue(month.toString());
        browser.until(d -> month.toString().equals(chart.getDomAttribute("data-month")) ? true : null);
        for (String measure : List.of("sold", "held", "free")) {
            new Select(browser.element("#inv-measure")).selectByValue(measure);
            browser.until(d -> measure.equals(chart.getDomAttribute("data-measure")) ? true : null);
            Object drawn = browser.driver().executeScript("""
                    const option = echarts.getInstanceByDom(arguments[0]).getOption();
                    const x = option.xAxis[0].data.indexOf(arguments[1]), y = option.yAxis[0].data.indexOf(arguments[2]);
                    const cell = option.series[0].data.find(c => c[0] === x && c[1] === y);
                    return cell ? cell[2] : null;""", chart, day.toString(), province);
            assertThat(((Number) drawn).doubleValue())
                    .as(measure)
                    .isEqualTo(percent(month, province, day, measure))
                    .isPositive();
        }
        browser.screenshot("console-inventory-month");
    }

    /** What GET /api/v1/inventory?month= answers for the province's day, as a percentage of its on-air seconds. */
    private double percent(YearMonth month, String province, LocalDate day, String measure) {
        Map<String, Object> answer = as("planner")
                .get()
                .uri("/api/v1/inventory?month={month}", month)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> provinces = (List<Map<String, Object>>) answer.get("provinces");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) provinces.stream()
                .filter(p -> p.get("province").equals(province))
                .findFirst()
                .orElseThrow()
                .get("days");
        Map<String, Object> found = days.stream()
                .filter(d -> d.get("date").equals(day.toString()))
                .findFirst()
                .orElseThrow();
        double onAir = ((Number) found.get("onAirSeconds")).doubleValue();
        double part = ((Number) found.get(measure + "Seconds")).doubleValue();
        return Math.round(1000 * part / onAir) / 10.0;
    }

    private void stationIn(String province, String code) {
        if (count("station where code = '" + code + "'") > 0) {
            return;
        }
        String bureau = sql().queryForObject("select bureau from station order by code limit 1", String.class);
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        "库存 " + code,
                        "province",
                        province,
                        "bureau",
                        bureau,
                        "tier",
                        "STANDARD",
                        "operatingHours",
                        "00:00-00:00"))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", code + "-01", "station", code, "type", "LCD_FRAME", "zone", "waiting-hall"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private void holdRows(String scope, long... ids) {
        browser.until(d -> {
            WebElement rows = d.findElement(By.id("hold-rows"));
            if (!"ready".equals(rows.getDomAttribute("data-state"))
                    || !scope.equals(rows.getDomAttribute("data-scope"))) {
                return null;
            }
            for (long id : ids) {
                if (rows.findElements(By.cssSelector("tr[data-hold='" + id + "']"))
                        .isEmpty()) {
                    return null;
                }
            }
            return true;
        });
    }

    private void action(long hold, String action) {
        browser.element("#hold-rows tr[data-hold='" + hold + "'] button[data-action='" + action + "']")
                .click();
        browser.until(d -> d.findElement(By.id("hold-confirm")).isDisplayed() ? true : null);
    }

    private void book(Map<String, Object> campaign) {
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private static long hold(WebTestClient client, Map<String, Object> campaign) {
        Map<String, Object> held = client.post()
                .uri("/api/v1/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return ((Number) held.get("id")).longValue();
    }
}
