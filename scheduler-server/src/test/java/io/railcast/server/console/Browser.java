package io.railcast.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its ChromeDriver (nothing downloaded), with a fresh profile, pointed at
 * one running server. Every wait polls the page with a deadline, looking the element up again at each poll.
 */
final class Browser implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(int port) {
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("railcast-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Signs in through the form and waits for the console's navigation. */
    void signIn(String user, String password) {
        open("/console/login");
        until(d -> d.findElement(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        until(d -> d.findElement(By.id("nav-dashboard")));
    }

    /**
     * Waits for {@code condition}; when it never holds, the failure tells where the browser was and what the console
     * showed and logged, so that a failure seen once can be understood from its report.
     */
    <T> T until(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, DEADLINE)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    // a page drawn again (after a change) replaces the element being read: read it again
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            throw new TimeoutException(e.getMessage() + "\n" + state(), e);
        }
    }

    /** The page's address, the console's view and its text, and what the page logged. */
    private String state() {
        try {
            Object view = driver.executeScript("const v = document.getElementById('view');"
                    + " return v ? v.dataset.page + ': ' + v.innerText.slice(0, 600) : document.title;");
            StringBuilder logged = new StringBuilder();
            driver.manage()
                    .logs()
                    .get(LogType.BROWSER)
                    .forEach(entry -> logged.append("\n  ")
                            .append(entry.getLevel())
                            .append(' ')
                            .append(entry.getMessage()));
            return "at " + driver.getCurrentUrl() + "; view " + view + "; browser log:" + logged;
        } catch (RuntimeException e) {
            return "(the page could not be read: " + e + ")";
        }
    }

    WebElement element(String css) {
        return until(d -> d.findElement(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}, and returns the element. */
    WebElement text(String css, String text) {
        return until(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            return element.getText().contains(text) ? element : null;
        });
    }

    /**
     * Saves what the browser shows as {name}.png in target/screenshots, or in the directory that the environment
     * variable RAILCAST_SCREENSHOTS names (the README's images: {@code RAILCAST_SCREENSHOTS=$PWD/docs/images}).
     */
    void screenshot(String name) {
        String dir = System.getenv("RAILCAST_SCREENSHOTS");
        Path target =
                (dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir)).resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
