package io.railcast.server.console;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The console's History page in a real headless Chromium: operators filter the whole history and page through it;
 * a planner, who may not read it all, reads a campaign's own. Each test changes objects of its own (AUDCON...).
 */
class ConsoleHistoryIT extends ServerIntegrationTest {

    @LocalServerPort
    private int port;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void operatorFiltersTheHistoryByObjectAndPagesThroughItsRecords() {
        for (int i = 1; i <= 3; i++) {
            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "code", "AUDCON" + i,
                            "name", "<b>审计" + i + "</b>",
                            "province", "审计省",
                            "bureau", "审计局",
                            "tier", "STANDARD",
                            "operatingHours", "05:30-00:30"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        browser.signIn("operator", DEMO_PASSWORD);
        browser.element("#nav-history").click();
        new Select(browser.element("#history-type")).selectByValue("station");
        browser.element("#history-object").sendKeys("AUDCON2");
        browser.element("#history-filters button[type=submit]").click();
        List<WebElement> rows = browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#records tr.audit-record"));
            return found.size() == 1 && found.get(0).getText().contains("AUDCON2") ? found : null;
        });
        assertThat(rows.get(0).getText()).contains(USER).contains("新建").contains("车站");
        // the station's name is data: shown as text, never as markup
        rows.get(0).findElement(By.tagName("summary")).click();
        assertThat(rows.get(0).findElement(By.cssSelector("pre:last-child")).getText())
                .contains("<b>审计2</b>");
        assertThat(rows.get(0).findElements(By.tagName("b"))).isEmpty();
        browser.screenshot("console-history");

        // every station change by the admin, a page of 50 at a time: "More" follows the API's next link
        erase(browser.element("#history-object"));
        browser.element("#history-user").sendKeys(USER);
        browser.element("#history-filters button[type=submit]").click();
        browser.until(
                d -> d.findElements(By.cssSelector("#records tr.audit-record")).size() >= 3 ? true : null);
        long stationRecords = count("audit_log where object_type = 'station' and username = '" + USER + "'");
        while (browser.driver().findElement(By.id("more")).isDisplayed()) {
            int shown = browser.driver()
                    .findElements(By.cssSelector("#records tr.audit-record"))
                    .size();
            browser.element("#more").click();
            browser.until(d ->
                    d.findElements(By.cssSelector("#records tr.audit-record")).size() > shown ? true : null);
        }
        assertThat(browser.driver().findElements(By.cssSelector("#records tr.audit-record")))
                .hasSizeGreaterThanOrEqualTo((int) stationRecords);
    }

    @Test
    void plannerReadsTheHistoryOfACampaignButNotTheWholeHistory() {
        Bookings.ensureCreative(admin(), sql());
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("AUDCON-CAMP", Bookings.stations(sql()).get(3), "1/h"))
                .exchange()
                .expectStatus()
                .isCreated();
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/history?object=campaign:AUDCON-CAMP");
        WebElement row = browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#records tr.audit-record"));
            return found.size() == 1 ? found.get(0) : null;
        });
        assertThat(row.getText()).contains("planner").contains("AUDCON-CAMP");
        assertThat(browser.element("#history-user").isDisplayed()).isFalse();
        Object status = browser.driver()
                .executeAsyncScript(
                        "fetch('/console/api/v1/audit').then(r => arguments[arguments.length - 1](r.status))");
        assertThat(status).isEqualTo(403L);
    }

    private static void erase(WebElement input) {
        input.clear();
    }
}
