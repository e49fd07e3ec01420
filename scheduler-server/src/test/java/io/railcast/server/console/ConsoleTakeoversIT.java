package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Emergency takeovers in the console, in a real headless Chromium: an operator starts a notice takeover of a station
 * from the page, sees it listed as active, and cancels it with the keyboard after confirming; the lost plays are
 * counted and shown. Planners do not see the page. Each takeover carries a notice of its own.
 */
class ConsoleTakeoversIT extends ServerIntegrationTest {

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
    void anOperatorStartsATakeoverSeesItListedAndCancelsIt() {
        String station = Bookings.stations(sql()).get(3);
        String notice = "ConsoleTakeoversIT " + System.nanoTime();
        browser.signIn("operator", DEMO_PASSWORD);
        browser.element("#nav-takeovers").click();
        browser.element("#notice").sendKeys(notice);
        browser.element("#tko-station-filter").sendKeys(station);
        browser.element("#tko-stations input[value='" + station + "']").click();
        browser.element("#reason").sendKeys("console test");
        browser.element("#takeover-start").click();
        String id = browser.text("#notice-line", "已开始紧急插播")
                .getText()
                .replaceFirst(".*: ", "")
                .strip();

        WebElement row = row(id);
        assertThat(row.getDomAttribute("data-state")).isEqualTo("ACTIVE");
        assertThat(row.getText())
                .contains(notice)
                .contains(station)
                .contains("进行中")
                .contains("operator");
        Map<String, Object> stored = sql().queryForMap(
                        "select notice, stations, network, ends_at, created_by from takeover where id = ?::uuid", id);
        assertThat(stored.get("notice")).isEqualTo(notice);
        assertThat(stored.get("network")).isEqualTo(false);
        assertThat(stored.get("ends_at")).isNull();
        assertThat(stored.get("created_by")).isEqualTo("operator");
        browser.screenshot("console-takeovers");

        WebElement cancel = row.findElement(By.cssSelector(".takeover-cancel"));
        assertThat(cancel.getDomAttribute("aria-label")).contains(notice);
        cancel.sendKeys(Keys.ENTER);
        browser.text("#confirm-text", notice);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                .isEqualTo("confirm-yes");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.text("#notice-line", "已取消紧急插播");
        browser.until(d -> "CANCELLED".equals(row(id).getDomAttribute("data-state")) ? true : null);
        assertThat(row(id).findElements(By.cssSelector(".takeover-cancel"))).isEmpty();
        assertThat(row(id).findElement(By.cssSelector(".takeover-lost")).getText())
                .matches("(?s)\\d+.*");
        assertThat(sql().queryForObject(
                                "select cancelled_by from takeover where id = ?::uuid and lost_counted_at is not null",
                                String.class,
                                id))
                .isEqualTo("operator");
    }

    @Test
    void aBadTakeoverIsAnsweredNamingTheFieldAndPlannersDoNotSeeThePage() {
        browser.signIn("csr", DEMO_PASSWORD);
        browser.element("#nav-takeovers").click();
        browser.element("#takeover-start").click();
        browser.text("#problem", "creative");
        browser.element("#logout-form button").click();
        browser.element("#username");
        browser.signIn("planner", DEMO_PASSWORD);
        assertThat(browser.driver().findElements(By.id("nav-takeovers"))).isEmpty();
    }

    private WebElement row(String id) {
        return browser.element("#takeover-rows tr.takeover-row[data-id='" + id + "']");
    }
}
