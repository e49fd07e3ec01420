package io.railcast.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its own ChromeDriver (so Selenium Manager downloads nothing), at the
 * size of a 720p screen; and the test creatives it draws: test cards as PNG or JPEG and a short WebM video, made with
 * the browser's own canvas and MediaRecorder, so they are real files of those formats with Chinese station names.
 */
final class KioskBrowser implements AutoCloseable {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private static final String DRAW = """
            function card(g, w, h, station, label, hue, t) {
              const bg = g.createLinearGradient(0, 0, w, h);
              bg.addColorStop(0, `hsl(${hue}, 55%, 30%)`);
              bg.addColorStop(1, `hsl(${hue + 40}, 60%, 12%)`);
              g.fillStyle = bg;
              g.fillRect(0, 0, w, h);
              ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'].forEach((c, i) => {
                g.fillStyle = c;
                g.fillRect(i * w / 7, h * 0.72, w / 7 + 1, h * 0.14);
              });
              for (let i = 0; i < 16; i++) {
                g.fillStyle = `rgb(${i * 17}, ${i * 17}, ${i * 17})`;
                g.fillRect(i * w / 16, h * 0.86, w / 16 + 1, h * 0.14);
              }
              g.strokeStyle = 'rgba(255, 255, 255, 0.5)';
              g.lineWidth = 4;
              g.beginPath();
              g.arc(w / 2, h * 0.36, h * 0.31, 0, 2 * Math.PI);
              g.stroke();
              g.fillStyle = '#fff';
              g.textAlign = 'center';
              g.textBaseline = 'middle';
              g.font = `bold ${h * 0.13}px "WenQuanYi Micro Hei", sans-serif`;
              g.fillText(station, w / 2, h * 0.3);
              g.font = `${h * 0.05}px "WenQuanYi Micro Hei", sans-serif`;
              g.fillText(label, w / 2, h * 0.47);
              if (t !== undefined) {
                g.fillRect((t % 1) * w, h * 0.68, w / 40, h * 0.03);
              }
            }
            """;

    private final ChromeDriver driver;

    KioskBrowser(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
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
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--hide-scrollbars",
                "--autoplay-policy=no-user-gesture-required");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // the window's size includes what a headful window would spend on its frame: give the page the full 720p
        Number frame = (Number) script("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT + frame.intValue()));
    }

    void open(String url) {
        driver.get(url);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String text(String script, Object... args) {
        Object value = script(script, args);
        return value == null ? null : value.toString();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** A still test card, {@code type} image/png or image/jpeg. */
    byte[] testCard(String station, String label, int hue, String type) {
        driver.get("about:blank");
        Object data = ((JavascriptExecutor) driver).executeScript(DRAW + """
                const c = document.createElement('canvas');
                c.width = arguments[0];
                c.height = arguments[1];
                card(c.getContext('2d'), c.width, c.height, arguments[2], arguments[3], arguments[4]);
                return c.toDataURL(arguments[5], 0.9).split(',')[1];
                """, WIDTH, HEIGHT, station, label, hue, type);
        return Base64.getDecoder().decode(data.toString());
    }

    /** A WebM (VP8) test card with a moving bar, {@code millis} long, recorded in real time. */
    byte[] testVideo(String station, String label, int hue, int millis) {
        driver.get("about:blank");
        Object data = ((JavascriptExecutor) driver)
                .executeAsyncScript(DRAW + """
                const done = arguments[arguments.length - 1];
                const c = document.createElement('canvas');
                c.width = arguments[0] / 2;
                c.height = arguments[1] / 2;
                const g = c.getContext('2d');
                const recorder = new MediaRecorder(c.captureStream(25), {mimeType: 'video/webm;codecs=vp8'});
                const chunks = [];
                recorder.ondataavailable = e => chunks.push(e.data);
                recorder.onstop = () => {
                  const reader = new FileReader();
                  reader.onload = () => done(reader.result.split(',')[1]);
                  reader.readAsDataURL(new Blob(chunks, {type: 'video/webm'}));
                };
                const started = performance.now();
                card(g, c.width, c.height, arguments[2], arguments[3], arguments[4], 0);
                recorder.start();
                const frames = setInterval(() => {
                  const t = (performance.now() - started) / 1000;
                  card(g, c.width, c.height, arguments[2], arguments[3], arguments[4], t);
                  if (t * 1000 >= arguments[5]) {
                    clearInterval(frames);
                    recorder.stop();
                  }
                }, 40);
                """, WIDTH, HEIGHT, station, label, hue, millis);
        return Base64.getDecoder().decode(data.toString());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
