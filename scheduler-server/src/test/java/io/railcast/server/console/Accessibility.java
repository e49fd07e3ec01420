package io.railcast.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.ScriptTimeoutException;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (from its WebJar, a test dependency) run in the page the browser shows: the serious and critical
 * violations it finds, each as its rule and the elements at fault. The script is handed to the page through
 * WebDriver, so the console's Content-Security-Policy, which serves scripts only from the console, stays as it is.
 * Rows after the {@value #ROWS_CHECKED}th of a table body, and choices after the {@value #ROWS_CHECKED}th of a
 * picker, are left out: each is drawn by the same code as the first, and the booking page's picker of every station
 * of the shared test server (other tests add hundreds) kept axe busy past the browser's 30 s script timeout, so the
 * check's outcome depended on other tests' data.
 */
final class Accessibility {

    static final int ROWS_CHECKED = 20;

    private static final String AXE = read();

    private Accessibility() {}

    /** The serious and critical violations of the WCAG 2.1 A and AA rules on what {@code browser} shows now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Browser browser) {
        browser.driver().executeScript(AXE);
        Object found;
        try {
            found = browser.driver()
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " axe.run({exclude: [['.picker > label:nth-child(n+" + (ROWS_CHECKED + 1) + ")'],"
                            + " ['tbody > tr:nth-child(n+" + (ROWS_CHECKED + 1)
                            + ")']]}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                            + " 'wcag21aa']}, resultTypes: ['violations']})"
                            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                            + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                            + ".catch(e => done(['axe failed: ' + e])); ");
        } catch (ScriptTimeoutException e) {
            throw new IllegalStateException(
                    "axe-core did not finish on " + browser.driver().getCurrentUrl() + " within the script timeout", e);
        }
        return (List<String>) Objects.requireNonNull(found);
    }

    private static String read() {
        String version = Objects.requireNonNull(new WebJarVersionLocator().version("axe-core"), "axe-core WebJar");
        String path = "META-INF/resources/webjars/axe-core/" + version + "/axe.min.js";
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
