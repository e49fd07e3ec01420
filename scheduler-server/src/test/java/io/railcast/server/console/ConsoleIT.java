package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web console in a real headless Chromium against the shared server with its small demo: what planners and the
 * CSR team do, and what their roles keep them from. The main pages are saved as docs/images/console-*.png.
 */
class ConsoleIT extends ServerIntegrationTest {

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
    void plannerSignsInAndSeesTheDashboard() {
        browser.signIn("planner", DEMO_PASSWORD);
        browser.text("#version", "v");
        assertThat(browser.element("#user").getText()).contains("planner").contains("媒介规划员");
        assertThat(browser.element("#online").getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.id("nav-booking"))).hasSize(1);
        browser.screenshot("console-dashboard");

        new Select(browser.element("#lang")).selectByValue("en");
        browser.text("#nav-dashboard", "Dashboard");
        assertThat(browser.element("#user").getText()).contains("Media planner");
        new Select(browser.element("#lang")).selectByValue("zh-CN");
        browser.text("#nav-dashboard", "总览");
    }

    @Test
    void wrongPasswordStaysOnTheSignInForm() {
        browser.open("/console/");
        browser.element("#username").sendKeys("planner");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver().findElement(By.id("login-submit")).click();
        browser.until(d -> d.getCurrentUrl().contains("error") ? true : null);
        assertThat(browser.element("#login-error").isDisplayed()).isTrue();
    }

    @Test
    void plannerBooksAfterFixingAShortfallAndFindsTheCampaignOnAScreenTimeline() {
        String hub = Bookings.hub(sql());
        String hubName = sql().queryForObject("select name from station where code = ?", String.class, hub);
        browser.signIn("planner", DEMO_PASSWORD);
        browser.element("#nav-booking").click();
        browser.element("#booking-form");
        browser.element("#name").sendKeys("控制台 · 测试");
        browser.element("#creative-filter").sendKeys(Bookings.CREATIVE);
        browser.element("input[name=creative][value='" + Bookings.CREATIVE + "']").click();
        browser.element("#station-filter").sendKeys(hub);
        browser.element("input[name=stations][value='" + hub + "']").click();
        browser.until(d -> d.findElement(By.id("chosen-stations")).getText().equals("1") ? true : null);
        frequency("20");

        // typing is checked as it goes (an empty frequency is refused on the way): wait for the shortfalls
        List<WebElement> shortfalls = browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#shortfalls tr.shortfall"));
            return "bad".equals(d.findElement(By.id("availability-status")).getDomAttribute("data-state"))
                    && !rows.isEmpty() ? rows : null;
        });
        assertThat(shortfalls.get(0).getText()).contains(hubName);
        assertThat(browser.element("#book-submit").isEnabled()).isFalse();
        browser.screenshot("console-booking");

        frequency("2");
        browser.until(d -> "ok".equals(d.findElement(By.id("availability-status")).getDomAttribute("data-state"))
                ? true : null);
        assertThat(browser.driver().findElements(By.cssSelector("#shortfalls tr.shortfall"))).isEmpty();
        browser.until(d -> d.findElement(By.id("book-submit")).isEnabled() ? true : null);
        browser.element("#book-submit").click();

        String id = browser.until(d -> {
            String text = d.findElement(By.id("booked-id")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(count("campaign where id = '" + id + "' and body->>'frequency' = '2/5min'")).isOne();
        browser.text("#where-plays", hubName);

        browser.element("#where-plays a.timeline-link").click();
        browser.text("#spots", id);
        assertThat(browser.element("#legend").getText()).contains("控制台 · 测试");
        browser.screenshot("console-timeline");
        String hour = new Select(browser.element("#hour")).getFirstSelectedOption().getText();
        browser.element("#next-hour").click();
        browser.until(d -> new Select(d.findElement(By.id("hour"))).getFirstSelectedOption().getText().equals(hour)
                ? null : true);
    }

    @Test
    void csrAddsAPublicServiceAdOnThePsaCalendar() {
        String province = sql().queryForObject("select province from station where code = ?", String.class,
                Bookings.hub(sql()));
        browser.signIn("csr", DEMO_PASSWORD);
        assertThat(browser.driver().findElements(By.id("nav-booking"))).isEmpty();
        browser.element("#nav-psa").click();
        browser.element("#psa-form");
        browser.element("#psa-name").sendKeys("文明出行 · 控制台");
        new Select(browser.element("#psa-creative")).selectByValue(Bookings.CREATIVE);
        new Select(browser.element("#psa-province")).selectByValue(province);
        browser.element("#psa-submit").click();

        String id = browser.until(d -> d.findElement(By.id("psa-result")).getDomAttribute("data-campaign"));
        browser.text("#psa-list", "文明出行 · 控制台");
        assertThat(count("campaign where id = '" + id + "' and kind = 'PUBLIC_SERVICE'")).isOne();
        browser.text("#psa-share", province);
        browser.screenshot("console-psa");
    }

    @Test
    void plannerCannotReachPsaEditing() {
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/psa");
        browser.element("#psa-read-only");
        assertThat(browser.driver().findElements(By.id("psa-form"))).isEmpty();

        // nor around the page: the console's API path refuses what the API refuses
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1];
                fetch('/console/api/v1/campaigns', {method: 'POST', headers: {'Content-Type': 'application/json',
                  'X-XSRF-TOKEN': decodeURIComponent(token)}, body: JSON.stringify(arguments[0])})
                  .then(r => done(r.status), e => done(String(e)));""",
                Bookings.publicService("CONSOLE-PSA-BY-PLANNER", Bookings.hub(sql())));
        assertThat(status).isEqualTo(403L);
        assertThat(count("campaign where id = 'CONSOLE-PSA-BY-PLANNER'")).isZero();
    }

    @Test
    void csrCannotOpenTheCommercialBookingPage() {
        browser.signIn("csr", DEMO_PASSWORD);
        browser.open("/console/#/booking");
        browser.until(d -> "dashboard".equals(d.findElement(By.id("view")).getDomAttribute("data-page")) ? true : null);
        assertThat(browser.driver().findElements(By.id("booking-form"))).isEmpty();
    }

    @Test
    void networkInventoryAndDeliveryPagesShowTheDemo() {
        browser.signIn("operator", DEMO_PASSWORD);
        browser.element("#nav-network").click();
        String hub = Bookings.hub(sql());
        browser.element("#search").sendKeys(hub);
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() == 1 ? true : null);
        erase(browser.element("#search"));
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() >= DEMO_STATIONS ? true : null);
        browser.screenshot("console-network");

        browser.element("#nav-inventory").click();
        browser.until(d -> d.findElement(By.id("province-day")).getDomAttribute("data-cells"));
        browser.screenshot("console-inventory");

        browser.element("#nav-delivery").click();
        browser.until(d -> d.findElements(By.cssSelector("#rows tr")).size() > 1 ? true : null);
        assertThat(browser.element("#csv").getDomAttribute("href")).contains("format=csv");
        browser.screenshot("console-delivery");
    }

    private void frequency(String count) {
        WebElement input = browser.element("#frequency-count");
        erase(input);
        input.sendKeys(count);
    }

    /** Empties an input as a person would, so that the page hears input events (WebDriver's clear() sends none). */
    private static void erase(WebElement input) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }
}
