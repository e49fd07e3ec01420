package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The console's network pages in a real headless Chromium: the stations list read through the API's pages and
 * filters, a station's page with its edits, and taking a screen or a station out of service, each shown with the dry
 * run's lost plays before it is confirmed. Each test works in all-day stations of its own (CNET-...).
 */
class ConsoleNetworkIT extends ServerIntegrationTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Two hours of maintenance starting at the next clock hour but one. */
    private static final Instant FROM =
            Instant.now().truncatedTo(ChronoUnit.HOURS).plus(2, ChronoUnit.HOURS);

    private static final Instant UNTIL = FROM.plus(2, ChronoUnit.HOURS);

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
    void adminFindsAStationByNameThenEditsItsHoursTierAndAScreen() {
        String screen = allDayStation("CNET-EDIT");
        browser.signIn(USER, PASSWORD);
        browser.element("#nav-network").click();
        browser.element("#search").sendKeys("全天 CNET-EDIT");
        WebElement row = browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#stations tr"));
            return rows.size() == 1 && "CNET-EDIT".equals(rows.get(0).getDomAttribute("data-code"))
                    ? rows.get(0)
                    : null;
        });
        row.findElement(By.tagName("a")).click();
        browser.text("#station-title", "全天 CNET-EDIT (CNET-EDIT)");
        browser.element(".screen-form[data-id='" + screen + "']");
        WebElement hours = browser.element("#station-hours");
        hours.clear();
        hours.sendKeys("06:00-23:00");
        new Select(browser.element("#station-tier")).selectByValue("MAJOR");
        browser.element("#station-save").click();
        browser.text("#changed", "已保存: CNET-EDIT");
        assertThat(sql().queryForMap("select tier, opens::text, closes::text from station where code = 'CNET-EDIT'"))
                .containsEntry("tier", "MAJOR")
                .containsEntry("opens", "06:00:00")
                .containsEntry("closes", "23:00:00");

        WebElement form = browser.element(".screen-form[data-id='" + screen + "']");
        new Select(form.findElement(By.cssSelector(".screen-type"))).selectByValue("TV_SET");
        WebElement zone = form.findElement(By.cssSelector(".screen-zone"));
        zone.clear();
        zone.sendKeys("platform-3");
        WebElement loop = form.findElement(By.cssSelector(".screen-loop"));
        loop.clear();
        loop.sendKeys("600");
        form.findElement(By.cssSelector(".screen-save")).click();
        browser.text("#changed", "已保存: " + screen);
        assertThat(sql().queryForMap("select type, zone, loop_seconds from screen where id = ?", screen))
                .containsEntry("type", "TV_SET")
                .containsEntry("zone", "platform-3")
                .containsEntry("loop_seconds", 600);
        browser.screenshot("console-station");

        // an edit made meanwhile by someone else is refused, not overwritten
        admin().patch()
                .uri("/api/v1/stations/CNET-EDIT")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "全天 CNET-EDIT 改"))
                .exchange()
                .expectStatus()
                .isOk();
        WebElement name = browser.element("#station-name");
        name.clear();
        name.sendKeys("别人的改动之后");
        browser.element("#station-save").click();
        browser.text("#station-problem", "nothing was changed");
        assertThat(sql().queryForObject("select name from station where code = 'CNET-EDIT'", String.class))
                .isEqualTo("全天 CNET-EDIT 改");
    }

    @Test
    void adminTakesAScreenOutOfServiceAfterSeeingThePlaysItWouldMakeImpossible() {
        String screen = stationWithBooking("CNET-OUT");
        browser.signIn(USER, PASSWORD);
        browser.open("/console/#/station?code=CNET-OUT");
        browser.element(".screen-form[data-id='" + screen + "'] .screen-out").click();
        browser.text("#outage-title", screen);
        setValue("#outage-from", local(FROM));
        setValue("#outage-until", local(UNTIL));
        browser.element("#outage-reason").sendKeys("换屏");
        browser.element("#outage-check").click();
        browser.text("#outage-answer", "合同播放无法完成");
        WebElement lost = browser.element("#lost-plays tr.lost-campaign[data-campaign='CNET-OUT-C']");
        assertThat(lost.findElements(By.tagName("td")).get(1).getText())
                .as("2 plays an hour for 2 hours")
                .isEqualTo("4");
        assertThat(count("out_of_service where screen_id = '" + screen + "'"))
                .as("a dry run stores nothing")
                .isZero();
        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
        browser.screenshot("console-out-of-service");

        browser.until(d -> d.findElement(By.id("outage-confirm")).isEnabled() ? true : null);
        browser.element("#outage-confirm").click();
        browser.text("#changed", "已停用: " + screen);
        browser.text("#periods tr.period[data-screen='" + screen + "']", "换屏");
        assertThat(Accessibility.seriousViolations(browser))
                .as("the station with its periods")
                .isEmpty();
        assertThat(count("out_of_service where screen_id = '" + screen + "' and reason = '换屏' and starts_at = '" + FROM
                        + "' and ends_at = '" + UNTIL + "'"))
                .isOne();
    }

    @Test
    void adminRetiresAStationWithTheKeyboardInEnglishAndAChangedFormMustBeCheckedAgain() {
        stationWithBooking("CNET-RET");
        browser.signIn(USER, PASSWORD);
        browser.driver().executeScript("localStorage.setItem('railcast.lang', 'en')");
        browser.open("/console/#/station?code=CNET-RET");
        browser.text("#station-title", "CNET-RET");
        browser.element("#station-out").sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("outage-title");
        browser.element("#outage-retire").sendKeys(Keys.SPACE);
        assertThat(browser.element("#outage-until").isDisplayed()).isFalse();
        setValue("#outage-from", local(FROM));
        browser.element("#outage-check").sendKeys(Keys.ENTER);
        browser.text("#outage-answer", "contracted plays impossible");
        browser.element("#lost-plays tr.lost-campaign[data-campaign='CNET-RET-C']");
        browser.until(d -> d.findElement(By.id("outage-confirm")).isEnabled() ? true : null);

        // a reason typed after the check takes the confirmation away until it is checked again
        browser.element("#outage-reason").sendKeys("closed for works");
        assertThat(browser.element("#outage-confirm").isEnabled()).isFalse();
        browser.element("#outage-check").sendKeys(Keys.ENTER);
        browser.until(d -> d.findElement(By.id("outage-confirm")).isEnabled() ? true : null);
        browser.element("#outage-confirm").sendKeys(Keys.ENTER);
        browser.text("#changed", "Retired: CNET-RET");
        assertThat(count("out_of_service where station_code = 'CNET-RET' and ends_at is null"
                        + " and reason = 'closed for works'"))
                .isOne();
    }

    @Test
    void anOperatorOnAPhoneFindsAStationByProvinceAndNameAndReadsItWithoutEditing() {
        String screen = allDayStation("CNET-READ");
        String province = sql().queryForObject("select province from station where code = 'CNET-READ'", String.class);
        browser.signIn("operator", DEMO_PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/console/#/network?province=" + province + "&q=cnet-read");
        WebElement row = browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#stations tr"));
            return rows.size() == 1 ? rows.get(0) : null;
        });
        assertThat(browser.element("#province").getDomProperty("value")).isEqualTo(province);
        assertThat(overflow()).as("the list is wider than the phone by").isLessThanOrEqualTo(0);
        row.findElement(By.tagName("a")).click();
        browser.element(".screen-form[data-id='" + screen + "']");
        assertThat(overflow()).as("the station page is wider than the phone by").isLessThanOrEqualTo(0);
        assertThat(browser.element("#station-name").isEnabled()).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#station-save, #station-out, .screen-save")))
                .isEmpty();
        browser.screenshot("console-station-phone");
    }

    /** An all-day station with one screen and campaign {@code code}-C booked there at 2 plays an hour. */
    private String stationWithBooking(String code) {
        String screen = allDayStation(code);
        if (count("campaign where id = '" + code + "-C'") == 0) {
            admin().post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Bookings.commercial(code + "-C", code, "2/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        return screen;
    }

    private static String local(Instant instant) {
        return LOCAL.format(instant.atZone(CHINA));
    }

    /** Sets a date-time input as a user's picker would, announcing it to the page. */
    private void setValue(String css, String value) {
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        browser.element(css),
                        value);
    }

    private long overflow() {
        return (Long)
                browser.driver().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }
}
