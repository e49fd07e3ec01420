package io.railcast.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (from its WebJar, a test dependency) run in the page the browser shows: the serious and critical
 * violations it finds, each as its rule and the elements at fault. The script is handed to the page through
 * WebDriver, so the console's Content-Security-Policy, which serves scripts only from the console, stays as it is.
 */
final class Accessibility {

    private static final String AXE = read();

    private Accessibility() {}

    /** The serious and critical violations of the WCAG 2.1 A and AA rules on what {@code browser} shows now. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Browser browser) {
        browser.driver().executeScript(AXE);
        Object found = browser.driver()
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',"
                        + " 'wcag21aa']}, resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e])); ");
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
