package io.railcast.agent;

import static io.railcast.agent.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk page in a real headless Chromium, served by a real agent in kiosk mode that fetched its schedule and
 * media from a stand-in server on a loopback port. Spots of 3 s from the start of the current hour cycle through a
 * PNG test card, a JPEG one and a WebM video; the server's clock is 2.5 s ahead of this machine's, so a page that
 * ignored the clock the agent measured would switch 2.5 s off.
 *
 * <p>Timing tolerance: a switch is on time when it happens no more than {@link #EARLY} before the spot's start and no
 * more than {@link #LATE} after it. The page switches by a timer set for the start by the agent's clock, which it
 * takes exactly (browser and agent share this machine's clock; the page checks the agent's offset against its own
 * measurement), and a timer never fires early, so a switch is early only by rounding to the millisecond. Late: the
 * timer's wake-up and the next frame take a frame or two (17-33 ms); the rest of the 250 ms is for a machine busy with
 * other builds, and still a tenth of what a page that waited for a push or polled once a second would be off by.
 */
class KioskPageIT {

    private static final Instant HOUR = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    private static final int SPOT_SECONDS = 3;
    private static final Duration EARLY = Duration.ofMillis(5);
    private static final Duration LATE = Duration.ofMillis(250);
    private static final Duration SERVER_AHEAD = Duration.ofMillis(2500);
    /** Heartbeats at start and then once a minute, so the clock offset the test reads holds while it runs. */
    private static final Timings FAST = new Timings(
            Duration.ofMillis(200),
            Duration.ofSeconds(60),
            Duration.ofMillis(200),
            Duration.ofMillis(1),
            Duration.ofSeconds(3));

    private static final String BODY = "return document.body.dataset[arguments[0]];";

    private static KioskBrowser browser;
    private static Map<String, byte[]> creatives;

    @TempDir
    Path cache;

    /** The agent's local clock and the browser's are this machine's, as on a screen. */
    private final Clock clock = Clock.systemUTC();

    private FakeScheduler server;
    private PlayerAgent agent;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        browser = new KioskBrowser(profile);
        creatives = new LinkedHashMap<>();
        creatives.put("CR-A", browser.testCard("北京南站", "测试卡 A · PNG", 210, "image/png"));
        creatives.put("CR-B", browser.testCard("上海虹桥站", "测试卡 B · JPEG", 150, "image/jpeg"));
        creatives.put("CR-C", browser.testVideo("广州南站", "测试视频 C · WebM", 20, 2000));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeScheduler(clock);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        server.close();
    }

    private void startAgent() throws IOException {
        AgentConfig config = AgentConfig.newBuilder()
                .server(server.uri())
                .token("screen-token")
                .cacheDirectory(cache)
                .mode(AgentConfig.Mode.KIOSK)
                .kioskPort(0)
                .build();
        agent = PlayerAgent.newBuilder(config)
                .playLog(new Lines().printStream())
                .timings(FAST)
                .build();
        agent.start();
    }

    @Test
    void showsEachCreativeDuringItsSpotAndSwitchesToTheNextAtItsStart() throws Exception {
        server.clockAhead(SERVER_AHEAD);
        server.publish(new TestSchedule(
                42,
                HOUR,
                HOUR,
                HOUR.plus(Duration.ofHours(3)),
                SPOT_SECONDS,
                List.of("CR-A", "CR-B", "CR-C"),
                creatives));
        startAgent();
        assertThat(agent.awaitFirstSpot(Duration.ofSeconds(10))).isTrue();
        awaitReportedOffset();

        browser.open(agent.kioskPage().toString());

        // the page has taken on the agent's clock, the server's correction included: compared with the agent's offset
        // of the same moment, since the reporting heartbeat's own sample may still move it by a few milliseconds
        // (the page follows such a move; a value read once before it would never be matched)
        await(() -> pageOffsetMillis() == agentOffsetMillis(), Duration.ofSeconds(10));
        long agentMinusSystem = agentOffsetMillis();
        // CR-A with at least a second of its spot left, so the switch is watched from before it happens
        await(
                () -> "CR-A".equals(browser.text(BODY, "creative")) && intoCycle(agentNow(agentMinusSystem)) < 2000,
                Duration.ofSeconds(15));
        Instant now = agentNow(agentMinusSystem);
        Instant bStarts = now.minusMillis(intoCycle(now)).plusSeconds(SPOT_SECONDS);

        Instant seenB = watchSwitch("CR-A", "CR-B", bStarts, agentMinusSystem);

        Instant switched = Instant.ofEpochMilli(Long.parseLong(browser.text(BODY, "shownAt")) + agentMinusSystem);
        System.out.printf(
                "KioskPageIT: CR-B on the page %d ms after its start, seen by the test after %d ms%n",
                Duration.between(bStarts, switched).toMillis(),
                Duration.between(bStarts, seenB).toMillis());
        assertThat(Duration.between(bStarts, switched))
                .as("the page's switch to CR-B after its start")
                .isBetween(EARLY.negated(), LATE);
        assertThat(browser.text(BODY, "readyAtSwitch"))
                .as("CR-B decoded before its turn")
                .isEqualTo("true");
        assertThat(browser.text("return document.querySelector('#stage > .on').tagName"))
                .isEqualTo("IMG");
        browser.screenshot(Path.of("target", "screenshots", "kiosk.png"));

        Instant cStarts = bStarts.plusSeconds(SPOT_SECONDS);
        watchSwitch("CR-B", "CR-C", cStarts, agentMinusSystem);
        assertThat(browser.text(BODY, "readyAtSwitch"))
                .as("CR-C loaded before its turn")
                .isEqualTo("true");
        await(() -> Boolean.TRUE.equals(browser.script("""
                const video = document.querySelector('#stage > video.on');
                return video !== null && !video.paused && video.currentTime > 0.2 && video.muted;
                """)), Duration.ofSeconds(SPOT_SECONDS));
    }

    @Test
    void showsTheStandbyCardWhenNothingIsCachedYet() throws Exception {
        startAgent(); // the server has no schedule for it: 503

        browser.open(agent.kioskPage().toString());

        await(() -> "standby".equals(browser.text(BODY, "state")), Duration.ofSeconds(10));
        await(
                () -> !browser.text("return document.getElementById('standby-clock').textContent")
                        .isEmpty(),
                Duration.ofSeconds(5));
        assertThat(browser.text("return getComputedStyle(document.getElementById('standby')).display"))
                .isEqualTo("flex");
        assertThat(browser.text("return document.getElementById('standby').innerText"))
                .contains("旅途愉快");
        assertThat(browser.text("return getComputedStyle(document.getElementById('standby')).backgroundImage"))
                .as("a calm gradient, not a black screen")
                .contains("gradient");
        browser.screenshot(Path.of("target", "screenshots", "kiosk-standby.png"));
    }

    @Test
    void showsATakeoversNoticeAsLargeTextAndTheScheduleAgainOnceCancelled() throws Exception {
        server.publish(new TestSchedule(
                43,
                HOUR,
                HOUR,
                HOUR.plus(Duration.ofHours(3)),
                SPOT_SECONDS,
                List.of("CR-A", "CR-B", "CR-C"),
                creatives));
        startAgent();
        assertThat(agent.awaitFirstSpot(Duration.ofSeconds(10))).isTrue();
        browser.open(agent.kioskPage().toString());
        await(() -> "creative".equals(browser.text(BODY, "state")), Duration.ofSeconds(10));
        await(() -> server.openStreams() > 0, Duration.ofSeconds(10));

        String notice = "列车晚点 Train G123 delayed <b>30 min</b>";
        Instant from = Instant.now().minusSeconds(1);
        server.takeover("{\"id\": \"tk-notice\", \"from\": \"" + from + "\", \"cancelled\": false, \"notice\": \""
                + notice + "\"}");

        await(() -> "notice".equals(browser.text(BODY, "state")), Duration.ofSeconds(5));
        assertThat(browser.text("return document.getElementById('notice').textContent"))
                .as("the text as it is, never markup")
                .isEqualTo(notice);
        assertThat(browser.script("return document.querySelector('#notice b')")).isNull();
        assertThat(browser.text("return getComputedStyle(document.getElementById('notice')).display"))
                .isEqualTo("flex");
        double fontPx = Double.parseDouble(
                browser.text("return getComputedStyle(document.getElementById('notice')).fontSize.replace('px', '')"));
        double heightPx = ((Number) browser.script("return window.innerHeight;")).doubleValue();
        assertThat(fontPx / heightPx)
                .as("type a twelfth of the screen's height or more")
                .isGreaterThan(1.0 / 13);
        assertThat(browser.text("return getComputedStyle(document.getElementById('notice')).backgroundColor"))
                .as("a plain background, not the black of a dark screen")
                .isEqualTo("rgb(11, 26, 43)");
        assertThat(browser.text("return getComputedStyle(document.getElementById('stage')).visibility"))
                .isEqualTo("hidden");
        browser.screenshot(Path.of("target", "screenshots", "kiosk-notice.png"));

        server.takeover("{\"id\": \"tk-notice\", \"from\": \"" + from + "\", \"until\": \"" + Instant.now()
                + "\", \"cancelled\": true, \"notice\": \"" + notice + "\"}");
        await(() -> "creative".equals(browser.text(BODY, "state")), Duration.ofSeconds(5));
        assertThat(browser.text("return getComputedStyle(document.getElementById('notice')).display"))
                .isEqualTo("none");
    }

    /**
     * Watches the page, polling with a deadline, until it shows {@code to}; it must show {@code from} until then. A
     * poll bounds the switch from both sides however slow it is: seeing {@code to} proves the switch happened before
     * the poll returned, so that must not be before the start; seeing {@code from} proves it had not happened when the
     * poll began, so that must not be later than the start and the tolerance. Returns the agent's time by which
     * {@code to} was seen.
     */
    private Instant watchSwitch(String from, String to, Instant starts, long agentMinusSystem) {
        Instant deadline = starts.plus(LATE).plusSeconds(5);
        while (true) {
            Instant before = agentNow(agentMinusSystem);
            String creative = browser.text(BODY, "creative");
            Instant after = agentNow(agentMinusSystem);
            if (to.equals(creative)) {
                assertThat(after)
                        .as("%s seen at %s, before its start %s", to, after, starts)
                        .isAfterOrEqualTo(starts.minus(EARLY));
                return after;
            }
            assertThat(creative)
                    .as("on screen at %s, %s starting at %s", before, to, starts)
                    .isEqualTo(from);
            assertThat(before).as("%s still on screen", from).isBefore(starts.plus(LATE));
            assertThat(after).as("%s not seen by the deadline", to).isBefore(deadline);
        }
    }

    private static long intoCycle(Instant agentTime) {
        return Duration.between(HOUR, agentTime).toMillis() % (3L * SPOT_SECONDS * 1000);
    }

    private static Instant agentNow(long agentMinusSystem) {
        return Instant.now().plusMillis(agentMinusSystem);
    }

    /**
     * Waits for the heartbeat that reports the agent's measured offset: the first heartbeat measures it and the next,
     * sent at once, reports it (and samples once more); then none for a minute, so the offset holds from then on.
     */
    private void awaitReportedOffset() throws InterruptedException {
        await(
                () -> server.statuses().stream().anyMatch(s -> s.has("clockOffsetMillis"))
                        && agentOffsetMillis() > SERVER_AHEAD.toMillis() - 100,
                Duration.ofSeconds(10));
    }

    private long pageOffsetMillis() {
        return ((Number) browser.script("return window.kiosk ? window.kiosk.offset() : -1e12;")).longValue();
    }

    private long agentOffsetMillis() {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(agent.kioskPage().resolve("/feed"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            return JsonObject.parse(response.body()).integer("clockOffsetMillis");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
