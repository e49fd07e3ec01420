package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ShiftedClockIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's under-delivery alert in a real headless Chromium. Its plays must lie in an hour that has passed
 * since the booking, so it runs on the server whose clock tests move, unlike the rest of the console's tests.
 */
class ConsoleAlertIT extends ShiftedClockIntegrationTest {

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
    void dashboardNamesACampaignUnderDeliveringAndLinksToItsDeliveryReport() {
        playedShort("CON-A", "CONSOLE-LOW", "CONSOLE-OK");
        browser.signIn("planner", DEMO_PASSWORD);
        String css = "#alerts li.under-delivering[data-campaign='CONSOLE-LOW']";
        browser.text(css, "测试 CONSOLE-LOW");
        assertThat(browser.element(css).getText()).contains("播放少于排期");
        assertThat(browser.driver().findElements(By.cssSelector("#alerts li[data-campaign='CONSOLE-OK']")))
                .isEmpty();
        new Select(browser.element("#lang")).selectByValue("en");
        browser.text(css, "played below schedule by 2 plays");
        new Select(browser.element("#lang")).selectByValue("zh-CN");
        browser.text(css, "播放少于排期 2 次");

        browser.element(css + " a").click();
        browser.until(d -> "CONSOLE-LOW"
                        .equals(new Select(d.findElement(By.id("campaign")))
                                .getFirstSelectedOption()
                                .getDomAttribute("value"))
                ? true
                : null);
    }
}
