package io.railcast.server.console;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * Every console page checked by axe-core in a real headless Chromium, in Chinese and English, at 1366×768 and on a
 * 390 px wide phone: no serious or critical violation of WCAG 2.1 A/AA; every page fits 1366 px, and the campaign,
 * user, network and takeover pages fit the phone's width. Signed in as the administrator, who sees every page (and every
 * edit); the campaign and station pages are of a campaign and a station of its own.
 */
class ConsoleAccessibilityIT extends ServerIntegrationTest {

    private static final List<String> PAGES = List.of(
            "dashboard",
            "campaigns",
            "campaign?id=CONA11Y-1",
            "booking",
            "timeline",
            "network",
            "station?code=CONA11Y-ST",
            "inventory",
            "psa",
            "delivery",
            "public-service",
            "history",
            "takeovers",
            "users",
            "account");

    private static final List<String> PHONE_PAGES = List.of(
            "campaigns",
            "campaign?id=CONA11Y-1",
            "users",
            "account",
            "history",
            "network",
            "station?code=CONA11Y-ST",
            "takeovers");

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
    void everyPageHasNoSeriousOrCriticalViolationInEitherLanguage() {
        bookOwnCampaign();
        browser.driver().manage().window().setSize(new Dimension(1366, 768));
        browser.open("/console/login");
        browser.element("#username");
        assertThat(Accessibility.seriousViolations(browser)).as("login").isEmpty();
        browser.signIn(USER, PASSWORD);
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String language : List.of("zh-CN", "en")) {
            browser.driver().executeScript("localStorage.setItem('railcast.lang', arguments[0])", language);
            for (String page : PAGES) {
                show(page);
                List<String> violations = new ArrayList<>(Accessibility.seriousViolations(browser));
                long overflow = overflow();
                if (overflow > 0) {
                    violations.add("wider than 1366 px by " + overflow + " px");
                }
                if (!violations.isEmpty()) {
                    found.put(language + " " + page, violations);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void campaignUserAndNetworkPagesFitAPhoneAndPassTheCheckThere() {
        bookOwnCampaign();
        browser.signIn(USER, PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        for (String page : PHONE_PAGES) {
            show(page);
            assertThat(overflow())
                    .as(page + " is wider than the phone (" + widest() + ") by")
                    .isLessThanOrEqualTo(0);
            assertThat(Accessibility.seriousViolations(browser)).as(page).isEmpty();
        }
        show("campaign?id=CONA11Y-1");
        browser.screenshot("console-campaign-phone");
    }

    /** How many pixels the page is wider than the window (0 or less: it fits, no sideways scrolling). */
    /** The outermost elements reaching past the window's right edge (whose parent fits): what to fix. */
    private String widest() {
        return String.valueOf(browser.driver().executeScript("""
                        const w = window.innerWidth;
                        const out = e => e.getBoundingClientRect().right > w + 1;
                        return [...document.querySelectorAll('body *')]
                          .filter(e => out(e) && !out(e.parentElement))
                          .slice(0, 5)
                          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
                            + ' to ' + Math.round(e.getBoundingClientRect().right) + ' px')
                          .join('; ');"""));
    }

    private long overflow() {
        return (Long)
                browser.driver().executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    /**
     * Opens a page and waits until it has rendered: drawn with its first data and its texts in the chosen language
     * (the view is {@code aria-busy} until then; a title filled from the data comes before the texts).
     */
    private void show(String page) {
        browser.open("/console/?" + System.nanoTime() + "#/" + page);
        String name = page.replaceFirst("\\?.*", "");
        browser.until(d -> {
            WebElement view = d.findElement(By.id("view"));
            List<WebElement> titles = view.findElements(By.cssSelector(".page h1"));
            return name.equals(view.getDomAttribute("data-page"))
                            && view.getDomAttribute("aria-busy") == null
                            && !titles.isEmpty()
                            && !titles.get(0).getText().isBlank()
                    ? true
                    : null;
        });
    }

    private void bookOwnCampaign() {
        allDayStation("CONA11Y-ST");
        Long stored = sql().queryForObject("select count(*) from campaign where id = 'CONA11Y-1'", Long.class);
        if (stored != null && stored == 0) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial("CONA11Y-1", Bookings.stations(sql()).get(7), "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        // a hold of the administrator's own, so that the booking page's holds list has a row to check
        if (count("hold where campaign_id = 'CONA11Y-H1'") == 0) {
            admin().post()
                    .uri("/api/v1/holds")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial(
                            "CONA11Y-H1",
                            Bookings.stations(sql()).get(7),
                            "1/h",
                            Bookings.today().plusDays(60)))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }
}
