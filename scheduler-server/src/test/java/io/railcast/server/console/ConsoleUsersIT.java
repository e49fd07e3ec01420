package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * User administration in the console, in a real headless Chromium: an administrator disables a user, who can then
 * no longer sign in, changes a role and resets a password; every user changes their own. Each test has users of its
 * own (conusr-...).
 */
class ConsoleUsersIT extends ServerIntegrationTest {

    private static final String FIRST_PASSWORD = "Console-users-1";

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
    void administratorDisablesAUserWhoThenCannotSignIn() {
        addUser("conusr-off", "PLANNER");
        signedIn("conusr-off", FIRST_PASSWORD)
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();
        browser.signIn(USER, PASSWORD);
        browser.element("#nav-users").click();
        WebElement row = userRow("conusr-off");
        assertThat(row.getText()).contains("已启用");
        browser.screenshot("console-users");
        row.findElement(By.cssSelector(".user-toggle")).click();
        browser.text("#notice", "conusr-off");
        browser.until(d -> userRow("conusr-off").getText().contains("已停用") ? true : null);
        assertThat(sql().queryForObject("select enabled from users where username = 'conusr-off'", Boolean.class))
                .isFalse();
        signedIn("conusr-off", FIRST_PASSWORD)
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void administratorChangesARoleAndResetsAPassword() {
        addUser("conusr-role", "PLANNER");
        browser.signIn(USER, PASSWORD);
        browser.open("/console/#/users");
        new Select(userRow("conusr-role").findElement(By.cssSelector(".user-role"))).selectByValue("CSR");
        browser.text("#notice", "conusr-role");
        assertThat(sql().queryForObject("select role from users where username = 'conusr-role'", String.class))
                .isEqualTo("CSR");
        userRow("conusr-role").findElement(By.cssSelector(".user-password")).sendKeys("Reset-by-admin-2");
        userRow("conusr-role").findElement(By.cssSelector("form button")).click();
        browser.text("#notice", "已重置密码");
        signedIn("conusr-role", "Reset-by-admin-2")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void administratorFindsUsersByNameFiftyAPage() {
        for (int i = 0; i < 55; i++) {
            String name = String.format("conpage-%02d", i);
            if (count("users where username = '" + name + "'") == 0) {
                addUser(name, "OPERATOR");
            }
        }
        browser.signIn(USER, PASSWORD);
        browser.open("/console/#/users");
        browser.element("#user-q").sendKeys("conpage-");
        browser.element("#user-search button[type=submit]").click();
        browser.until(
                d -> d.findElements(By.cssSelector("#user-rows tr.user-row")).size() == 50
                                && d.findElement(By.cssSelector("#user-rows tr.user-row"))
                                        .getDomAttribute("data-user")
                                        .equals("conpage-00")
                        ? true
                        : null);
        browser.element("#more-users").click();
        browser.until(
                d -> d.findElements(By.cssSelector("#user-rows tr.user-row")).size() == 55 ? true : null);
        assertThat(browser.element("#more-users").isDisplayed()).isFalse();
        userRow("conpage-54");
    }

    @Test
    void aUserChangesTheirOwnPassword() {
        addUser("conusr-own", "OPERATOR");
        browser.signIn("conusr-own", FIRST_PASSWORD);
        assertThat(browser.driver().findElements(By.id("nav-users"))).isEmpty();
        browser.element("#nav-account").click();
        browser.element("#current-password").sendKeys(FIRST_PASSWORD);
        browser.element("#own-new-password").sendKeys("Changed-by-me-3");
        browser.element("#own-password button[type=submit]").click();
        browser.text("#notice", "密码已修改");
        signedIn("conusr-own", "Changed-by-me-3")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebElement userRow(String username) {
        return browser.element("#user-rows tr.user-row[data-user='" + username + "']");
    }

    private void addUser(String username, String role) {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", FIRST_PASSWORD, "role", role))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private WebTestClient signedIn(String username, String password) {
        return anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth(username, password))
                .build();
    }
}
