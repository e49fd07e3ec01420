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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The console's campaigns in a real headless Chromium: a planner finds a campaign through the list's filters, opens
 * its page and pauses and resumes it, each change shown with the availability answer before it is confirmed. Each
 * test books campaigns of its own (CONCAMP-...), under an owner of its own, so that its filters find only them;
 * their names hold markup, which the pages must show as text.
 */
class ConsoleCampaignsIT extends ServerIntegrationTest {

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
    void plannerFindsACampaignByFilterThenPausesAndResumesItAfterSeeingItsAvailability() {
        String station = Bookings.stations(sql()).get(5);
        for (String id : List.of("CONCAMP-1", "CONCAMP-2")) {
            Map<String, Object> campaign = commercial(id, station, "1/h");
            campaign.put("owner", "Console campaigns " + id.substring(id.length() - 1));
            campaign.put("name", "<img src=x class=injected>春运 " + id);
            book(campaign);
        }
        browser.signIn("planner", DEMO_PASSWORD);
        browser.element("#nav-campaigns").click();
        browser.element("#filter-owner").sendKeys("Console campaigns 2");
        new Select(browser.element("#filter-status")).selectByValue("ACTIVE");
        browser.element("#filter-station").sendKeys(station);
        browser.element("#campaign-filters button[type=submit]").click();
        WebElement row = browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#campaign-rows tr.campaign-row"));
            return rows.size() == 1 && "CONCAMP-2".equals(rows.get(0).getDomAttribute("data-id")) ? rows.get(0) : null;
        });
        assertThat(row.getText()).contains("投放中").contains("商业");
        assertThat(browser.driver().getCurrentUrl()).contains("owner=Console").contains("status=ACTIVE");
        browser.screenshot("console-campaigns");

        row.findElement(By.tagName("a")).click();
        browser.text("#campaign-status", "投放中");
        browser.text("#campaign-title", "<img src=x class=injected>春运 CONCAMP-2");
        // names are data: shown as text, never as markup
        assertThat(browser.driver().findElements(By.cssSelector("#view img.injected")))
                .isEmpty();
        browser.element("#pause").click();
        browser.text("#availability", "可以排下");
        assertThat(browser.element("#confirm-title").getText()).contains("暂停");
        assertThat(status("CONCAMP-2")).isEqualTo("ACTIVE");
        browser.screenshot("console-campaign-change");
        browser.until(d -> d.findElement(By.id("confirm-change")).isEnabled() ? true : null);
        browser.element("#confirm-change").click();
        browser.text("#campaign-status", "已暂停");
        assertThat(status("CONCAMP-2")).isEqualTo("PAUSED");
        assertThat(browser.text("#changed", "暂停").getText()).contains("CONCAMP-2");
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("campaign-title");

        browser.element("#resume").click();
        browser.text("#availability", "可以排下");
        browser.until(d -> d.findElement(By.id("confirm-change")).isEnabled() ? true : null);
        browser.element("#confirm-change").click();
        browser.text("#campaign-status", "投放中");
        assertThat(status("CONCAMP-2")).isEqualTo("ACTIVE");
        browser.until(d -> d.findElements(By.cssSelector("#campaign-history tr.audit-record"))
                                .size()
                        == 3
                ? true
                : null);
        assertThat(browser.element("#campaign-history").getText())
                .contains("暂停")
                .contains("恢复")
                .contains("planner");
        browser.screenshot("console-campaign");
    }

    @Test
    void plannerFindsACampaignByTextInItsNameSearchedOnTheServer() {
        Map<String, Object> campaign =
                commercial("CONCAMP-Q1", Bookings.stations(sql()).get(4), "1/h");
        campaign.put("name", "元旦特卖 <b>CONCAMP-Q1</b>");
        book(campaign);
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/campaigns?q=" + "nothing-matches-this");
        browser.element("#campaign-rows");
        WebElement search = browser.element("#filter-search");
        search.clear();
        search.sendKeys("元旦特卖 <b>concamp");
        browser.element("#campaign-filters button[type=submit]").click();
        browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#campaign-rows tr.campaign-row"));
            return rows.size() == 1 && "CONCAMP-Q1".equals(rows.get(0).getDomAttribute("data-id")) ? true : null;
        });
        assertThat(browser.driver().getCurrentUrl()).contains("q=");
    }

    @Test
    void aChangeThatDoesNotFitShowsItsShortfallsAndStoresNothingUntilConfirmed() {
        String station = Bookings.hub(sql());
        Map<String, Object> campaign = commercial("CONCAMP-EXT", station, "1/h");
        book(campaign);
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/campaign?id=CONCAMP-EXT");
        browser.text("#campaign-status", "投放中");
        WebElement frequency = browser.element("#edit-frequency");
        frequency.clear();
        frequency.sendKeys("20/5min");
        browser.element("#edit-form button[type=submit]").click();
        browser.text("#availability", "余量不足");
        assertThat(browser.element("#shortfalls").getText()).contains(station);
        browser.element("#back-change").click();
        assertThat(browser.element("#confirm").isDisplayed()).isFalse();
        assertThat(sql().queryForObject(
                                "select body->>'frequency' from campaign where id = 'CONCAMP-EXT'", String.class))
                .isEqualTo("1/h");
    }

    @Test
    void plannerExtendsACampaignWithTheKeyboardAfterSeeingThatItFits() {
        Map<String, Object> campaign =
                commercial("CONCAMP-LONGER", Bookings.stations(sql()).get(6), "1/h");
        book(campaign);
        String end = Bookings.today().plusDays(12) + "T00:00";
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/campaign?id=CONCAMP-LONGER");
        browser.text("#campaign-status", "投放中");
        WebElement extendTo = browser.element("#extend-end");
        browser.driver().executeScript("arguments[0].value = arguments[1]", extendTo, end);
        browser.element("#extend-form button[type=submit]").sendKeys(Keys.ENTER);
        browser.text("#availability", "可以排下");
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("confirm-title");
        browser.until(d -> d.findElement(By.id("confirm-change")).isEnabled() ? true : null);
        browser.element("#confirm-change").sendKeys(Keys.ENTER);
        browser.text("#details", end.replace('T', ' '));
        assertThat(sql().queryForObject(
                                "select body->'flight'->>'end' from campaign where id = 'CONCAMP-LONGER'",
                                String.class))
                .isEqualTo(end);
    }

    @Test
    void aChangeOfACampaignChangedMeanwhileIsRefusedNotLost() {
        book(commercial("CONCAMP-STALE", Bookings.stations(sql()).get(8), "1/h"));
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/campaign?id=CONCAMP-STALE");
        browser.text("#campaign-status", "投放中");
        as("planner")
                .post()
                .uri("/api/v1/campaigns/CONCAMP-STALE/pause")
                .exchange()
                .expectStatus()
                .isOk();
        browser.element("#cancel").click();
        browser.until(d -> d.findElement(By.id("confirm-change")).isEnabled() ? true : null);
        browser.element("#confirm-change").click();
        browser.text("#change-problem", "nothing was changed");
        assertThat(status("CONCAMP-STALE")).isEqualTo("PAUSED");
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

    private String status(String id) {
        return sql().queryForObject("select status from campaign where id = ?", String.class, id);
    }
}
