package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.PublicServicePlays;
import io.railcast.server.ServerIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The web console in a real headless Chromium against the shared server with its small demo: what planners and the
 * CSR team do, and what their roles keep them from. The main pages are saved as docs/images/console-*.png.
 */
class ConsoleIT extends ServerIntegrationTest {

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
    void plannerSignsInAndSeesTheDashboard() {
        browser.signIn("planner", DEMO_PASSWORD);
        browser.text("#version", "v");
        assertThat(browser.element("#user").getText()).contains("planner").contains("媒介规划员");
        assertThat(browser.element("#online").getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.id("nav-booking"))).hasSize(1);
        browser.screenshot("console-dashboard");

        new Select(browser.element("#lang")).selectByValue("en");
        browser.text("#nav-dashboard", "Dashboard");
        assertThat(browser.element("#user").getText()).contains("Media planner");
        new Select(browser.element("#lang")).selectByValue("zh-CN");
        browser.text("#nav-dashboard", "总览");
    }

    @Test
    void wrongPasswordStaysOnTheSignInForm() {
        browser.open("/console/");
        browser.element("#username").sendKeys("planner");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver().findElement(By.id("login-submit")).click();
        browser.until(d -> d.getCurrentUrl().contains("error") ? true : null);
        assertThat(browser.element("#login-error").isDisplayed()).isTrue();
    }

    @Test
    void plannerBooksAfterFixingAShortfallAndFindsTheCampaignOnAScreenTimeline() {
        String hub = Bookings.hub(sql());
        String hubName = sql().queryForObject("select name from station where code = ?", String.class, hub);
        browser.signIn("planner", DEMO_PASSWORD);
        browser.element("#nav-booking").click();
        browser.element("#booking-form");
        browser.element("#name").sendKeys("控制台 · 测试");
        browser.element("#creative-filter").sendKeys(Bookings.CREATIVE);
        browser.element("input[name=creative][value='" + Bookings.CREATIVE + "']")
                .click();
        browser.element("#station-filter").sendKeys(hub);
        browser.element("input[name=stations][value='" + hub + "']").click();
        browser.until(d -> d.findElement(By.id("chosen-stations")).getText().equals("1") ? true : null);
        frequency("20");

        // typing is checked as it goes (an empty frequency is refused on the way): wait for the shortfalls
        List<WebElement> shortfalls = browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#shortfalls tr.shortfall"));
            return "bad".equals(d.findElement(By.id("availability-status")).getDomAttribute("data-state"))
                            && !rows.isEmpty()
                    ? rows
                    : null;
        });
        assertThat(shortfalls.get(0).getText()).contains(hubName);
        assertThat(browser.element("#book-submit").isEnabled()).isFalse();
        browser.screenshot("console-booking");

        frequency("2");
        browser.until(d ->
                "ok".equals(d.findElement(By.id("availability-status")).getDomAttribute("data-state")) ? true : null);
        assertThat(browser.driver().findElements(By.cssSelector("#shortfalls tr.shortfall")))
                .isEmpty();
        browser.until(d -> d.findElement(By.id("book-submit")).isEnabled() ? true : null);
        browser.element("#book-submit").click();

        String id = browser.until(d -> {
            String text = d.findElement(By.id("booked-id")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(count("campaign where id = '" + id + "' and body->>'frequency' = '2/5min'"))
                .isOne();
        browser.text("#where-plays", hubName);

        browser.element("#where-plays a.timeline-link").click();
        browser.text("#spots", id);
        assertThat(browser.element("#legend").getText()).contains("控制台 · 测试");
        browser.screenshot("console-timeline");
        String hour =
                new Select(browser.element("#hour")).getFirstSelectedOption().getText();
        browser.element("#next-hour").click();
        browser.until(d -> new Select(d.findElement(By.id("hour")))
                        .getFirstSelectedOption()
                        .getText()
                        .equals(hour)
                ? null
                : true);
    }

    @Test
    void plannerUploadsACreativeOnTheBookingPageAndFindsItChosen(@TempDir Path dir) throws Exception {
        String id = "CONSOLE-UP-" + Long.toString(System.nanoTime(), 36);
        BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xc62828);
        Path file = dir.resolve(id + ".png");
        ImageIO.write(image, "png", file.toFile());
        browser.signIn("planner", DEMO_PASSWORD);
        browser.element("#nav-booking").click();
        browser.element("#creative-upload summary").click();

        browser.element("#upload-file").sendKeys(file.toString());
        // the id is the file's name unless typed
        assertThat(browser.element("#upload-id").getDomProperty("value")).isEqualTo(id);
        new Select(browser.element("#upload-duration")).selectByValue("10");
        browser.element("#upload-submit").click();

        browser.until(
                d -> "done".equals(d.findElement(By.id("upload-status")).getDomAttribute("data-state")) ? true : null);
        assertThat(browser.element(String.format("input[name=creative][value='%s']", id))
                        .isSelected())
                .isTrue();
        Map<String, Object> stored =
                sql().queryForMap("select duration_seconds, sha256 from creative where id = ?", id);
        assertThat(stored.get("duration_seconds")).isEqualTo(10);
        assertThat(stored.get("sha256"))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        browser.screenshot("console-creative-upload");

        // the same id again: refused, and the page says so
        browser.element("#upload-file").sendKeys(file.toString());
        browser.element("#upload-submit").click();
        browser.until(d ->
                "failed".equals(d.findElement(By.id("upload-status")).getDomAttribute("data-state")) ? true : null);
        assertThat(browser.element("#upload-status").getText()).contains("上传失败").contains(id);
        assertThat(count("creative where id = '" + id + "'")).isOne();
    }

    @Test
    void csrAddsAPublicServiceAdOnThePsaCalendar() {
        String province =
                sql().queryForObject("select province from station where code = ?", String.class, Bookings.hub(sql()));
        browser.signIn("csr", DEMO_PASSWORD);
        assertThat(browser.driver().findElements(By.id("nav-booking"))).isEmpty();
        browser.element("#nav-psa").click();
        browser.element("#psa-form");
        browser.element("#psa-name").sendKeys("文明出行 · 控制台");
        new Select(browser.element("#psa-creative")).selectByValue(Bookings.CREATIVE);
        new Select(browser.element("#psa-province")).selectByValue(province);
        browser.element("#psa-submit").click();

        String id = browser.until(d -> d.findElement(By.id("psa-result")).getDomAttribute("data-campaign"));
        browser.text("#psa-list", "文明出行 · 控制台");
        assertThat(count("campaign where id = '" + id + "' and kind = 'PUBLIC_SERVICE'"))
                .isOne();
        browser.text("#psa-share", province);
        browser.screenshot("console-psa");
    }

    @Test
    void csrReadsThePublicServiceReportOfAProvincesPlays() {
        String province = "测试省控制台";
        String screen = allDayStation("CONPS-ST", province);
        PublicServicePlays plays = PublicServicePlays.stage(admin(), anonymous, sql(), "CONPS", "CONPS-ST", screen);
        String month = LocalDate.ofInstant(plays.psaPlay().start(), java.time.ZoneId.of("Asia/Shanghai"))
                .toString()
                .substring(0, 7);
        browser.signIn("csr", DEMO_PASSWORD);
        browser.element("#nav-public-service");
        browser.open("/console/#/public-service?from=" + month + "&to=" + month);

        // one full PSA play against one full commercial play there: a share of 100 %, the default floor 3 %
        WebElement row = browser.text("tr[data-province='" + province + "']", "100.0%");
        assertThat(row.getText()).contains("3.0%").doesNotContain("低于下限");
        browser.text("tr[data-campaign='" + plays.psa() + "']", plays.psa());
        browser.text("tr[data-creative='" + plays.creative() + "']", plays.psa());
        assertThat(browser.element("#ps-csv-provinces").getDomAttribute("href"))
                .endsWith("&format=csv&table=provinces")
                .contains("from=" + month + "-01");
        browser.screenshot("console-public-service");

        // a period the API refuses is said on the page, naming the field
        browser.open("/console/#/public-service?from=2020-01&to=2026-01");
        browser.text("#ps-error", "to");
    }

    @Test
    void plannerCannotReachPsaEditing() {
        browser.signIn("planner", DEMO_PASSWORD);
        browser.open("/console/#/psa");
        browser.element("#psa-read-only");
        assertThat(browser.driver().findElements(By.id("psa-form"))).isEmpty();

        // nor around the page: the console's API path refuses what the API refuses
        Object status = browser.driver()
                .executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1];
                fetch('/console/api/v1/campaigns', {method: 'POST', headers: {'Content-Type': 'application/json',
                  'X-XSRF-TOKEN': decodeURIComponent(token)}, body: JSON.stringify(arguments[0])})
                  .then(r => done(r.status), e => done(String(e)));""", Bookings.publicService("CONSOLE-PSA-BY-PLANNER", Bookings.hub(sql())));
        assertThat(status).isEqualTo(403L);
        assertThat(count("campaign where id = 'CONSOLE-PSA-BY-PLANNER'")).isZero();
    }

    @Test
    void aPageLeftBeforeItsDataArrivedNeverWritesOverThePageOpenedNext() {
        browser.signIn("planner", DEMO_PASSWORD);
        browser.text("#version", "v");
        // the dashboard's data is held back while the planner opens the dashboard and, before it arrives, the PSA
        // page; the page counts the dashboard answers it has read
        browser.driver().executeScript("""
                const fetchNow = window.fetch.bind(window);
                const dashboardData = /\\/(screens\\/status|versions\\?limit=|delivery\\/alerts)/;
                window.heldDashboard = [];
                window.dashboardRead = 0;
                window.fetch = (url, options) => dashboardData.test(String(url))
                  ? new Promise(resolve => window.heldDashboard.push(async () => {
                      const response = await fetchNow(url, options);
                      const text = response.text.bind(response);
                      response.text = async () => { const body = await text(); window.dashboardRead++; return body; };
                      resolve(response);
                    }))
                  : fetchNow(url, options);
                location.hash = '#/dashboard';""");
        browser.until(
                d -> number(browser.driver().executeScript("return window.heldDashboard.length")) == 3 ? true : null);
        browser.driver().executeScript("location.hash = '#/psa'");
        browser.element("#psa-read-only");

        browser.driver().executeScript("window.heldDashboard.forEach(send => send())");
        // each check runs in a task of its own, after every reaction to the answers read before it
        browser.until(d -> number(browser.driver().executeScript("return window.dashboardRead")) == 3 ? true : null);
        assertThat(browser.element("#view").getDomAttribute("data-page")).isEqualTo("psa");
        assertThat(browser.driver().findElements(By.id("psa-read-only"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("version"))).isEmpty();
    }

    @Test
    void csrCannotOpenTheCommercialBookingPage() {
        browser.signIn("csr", DEMO_PASSWORD);
        browser.open("/console/#/booking");
        browser.until(d -> "dashboard".equals(d.findElement(By.id("view")).getDomAttribute("data-page")) ? true : null);
        assertThat(browser.driver().findElements(By.id("booking-form"))).isEmpty();
    }

    @Test
    void networkInventoryAndDeliveryPagesShowTheDemoAndWhatStaysOwedAfterMakeGoods() {
        long[] madeGood = partlyMadeGood();
        browser.signIn("operator", DEMO_PASSWORD);
        browser.element("#nav-network").click();
        String hub = Bookings.hub(sql());
        browser.element("#search").sendKeys(hub);
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() == 1 ? true : null);
        erase(browser.element("#search"));
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() >= DEMO_STATIONS ? true : null);
        browser.screenshot("console-network");

        browser.element("#nav-inventory").click();
        browser.until(d -> d.findElement(By.id("province-day")).getDomAttribute("data-cells"));

        browser.element("#nav-delivery").click();
        browser.until(d -> d.findElements(By.cssSelector("#rows tr")).size() > 1 ? true : null);
        assertThat(browser.element("#csv").getDomAttribute("href")).contains("format=csv");
        // the whole flight's figures: make-goods, plays lost to takeovers and what past days owe, each a column
        assertThat(browser.driver().findElements(By.cssSelector("thead th[data-i18n]")))
                .extracting(th -> th.getDomAttribute("data-i18n"))
                .contains("del.makeGood", "del.lost", "del.owed");
        assertThat(browser.element("#owed-summary").getText()).startsWith("全投放期欠播 ");
        assertThat(browser.element("#oprs").getDomAttribute("href")).containsPattern("/proof-of-play\\?from=.+&to=.+");
        browser.screenshot("console-delivery");

        // a campaign placed in part: what stays owed once its make-goods are placed, as the make-good API counts it
        browser.open("/console/#/delivery?campaign=CONMKG-1");
        browser.text("#still-owed", "补播安排后：已安排补播 " + madeGood[0] + " 次，仍欠播 " + madeGood[1] + " 次。");
    }

    @Test
    void theNetworkTableReadsAHundredStationsAPageThroughTheApi() {
        // more stations than one page holds: "more" follows the API's Link: rel="next" with the same filters
        if (count("station where code like 'CMORE-%'") == 0) {
            List<Map<String, Object>> stations = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                stations.add(Map.of(
                        "code", String.format("CMORE-%04d", i),
                        "name", "更多测试站" + i,
                        "province", "更多测试省",
                        "bureau", "更多测试局",
                        "tier", "STANDARD",
                        "operatingHours", "06:00-22:00"));
            }
            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(stations)
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        browser.signIn("operator", DEMO_PASSWORD);
        browser.element("#nav-network").click();
        browser.element("#search").sendKeys("CMORE-");
        // the unfiltered first page is shown at once: wait for the search's own page
        browser.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#stations tr"));
            return rows.size() == 100
                            && "CMORE-0000".equals(rows.get(0).getDomAttribute("data-code"))
                            && "CMORE-0099".equals(rows.get(99).getDomAttribute("data-code"))
                    ? true
                    : null;
        });
        browser.text("#shown", "100");
        assertThat(browser.driver().getCurrentUrl()).contains("q=CMORE-");

        browser.element("#more").click();
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() == 200 ? true : null);
        browser.element("#more").click();
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() == 250 ? true : null);
        browser.text("#shown", "250");
        assertThat(browser.element("#more").isDisplayed()).isFalse();
        assertThat(browser.driver()
                        .findElements(By.cssSelector("#stations tr"))
                        .get(249)
                        .getText())
                .contains("CMORE-0249");
    }

    @Test
    void inventoryDrillsDownFromAProvinceDayToItsStationsHourByHourAsTheApiCountsThem() {
        String hub = Bookings.hub(sql());
        String province = sql().queryForObject("select province from station where code = ?", String.class, hub);
        // a day of the published plan in the month the page opens on
        LocalDate tomorrow = Bookings.today().plusDays(1);
        LocalDate day = tomorrow.getMonth() == Bookings.today().getMonth() ? tomorrow : Bookings.today();
        browser.signIn("operator", DEMO_PASSWORD);
        browser.element("#nav-inventory").click();
        WebElement provinceDay = browser.element("#province-day");
        browser.until(d -> provinceDay.getDomAttribute("data-cells"));

        // click the hub's province on the second day, where the chart drew that cell
        List<?> centre = (List<?>) browser.driver().executeScript("""
                arguments[0].scrollIntoView({block: 'center'});
                const chart = echarts.getInstanceByDom(arguments[0]);
                const option = chart.getOption();
                const x = option.xAxis[0].data.indexOf(arguments[1]), y = option.yAxis[0].data.indexOf(arguments[2]);
                return [...chart.convertToPixel({seriesIndex: 0}, [x, y]), arguments[0].clientWidth,
                  arguments[0].clientHeight];""", provinceDay, day.toString(), province);
        new Actions(browser.driver())
                .moveToElement(provinceDay, (int) (number(centre.get(0)) - number(centre.get(2)) / 2), (int)
                        (number(centre.get(1)) - number(centre.get(3)) / 2))
                .click()
                .perform();
        WebElement stationHour = browser.until(d -> {
            WebElement drill = d.findElement(By.id("station-hour"));
            return "ready".equals(drill.getDomAttribute("data-state"))
                            && province.equals(drill.getDomAttribute("data-province"))
                    ? drill
                    : null;
        });
        assertThat(stationHour.getDomAttribute("data-day")).isEqualTo(day.toString());
        browser.text("#drill-title", province + " · " + day);

        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.driver().executeScript("""
                const option = echarts.getInstanceByDom(arguments[0]).getOption();
                return {stations: option.yAxis[0].data, hours: option.xAxis[0].data, cells: option.series[0].data};""", stationHour);
        List<String> codes = sql().queryForList(
                        "select distinct s.code from station s join screen sc"
                                + " on sc.station_code = s.code where s.province = ? order by s.code",
                        String.class,
                        province);
        List<String> names = codes.stream()
                .map(code -> sql().queryForObject("select name from station where code = ?", String.class, code))
                .toList();
        assertThat(drawn.get("stations")).as("station names, in Chinese").isEqualTo(names);
        List<?> hours = (List<?>) drawn.get("hours");
        assertThat(List.of(hours.size(), hours.get(0), hours.get(24))).isEqualTo(List.of(25, "0:00", "全天"));
        Map<String, Object> cells = new HashMap<>();
        for (Object cell : (List<?>) drawn.get("cells")) {
            List<?> xyz = (List<?>) cell;
            cells.put(codes.get((int) number(xyz.get(1))) + "@" + number(xyz.get(0)), xyz.get(2));
        }

        // the whole day of every station is its fill from GET /api/v1/inventory
        InventoryDay inventory = as("operator")
                .get()
                .uri("/api/v1/inventory?date={date}", day)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InventoryDay.class)
                .returnResult()
                .getResponseBody();
        assertThat(stationHour.getDomAttribute("data-version")).isEqualTo(String.valueOf(inventory.version()));
        for (String code : codes) {
            double fill = inventory.stations().stream()
                    .filter(s -> s.station().equals(code))
                    .findFirst()
                    .orElseThrow()
                    .fillPercent();
            assertThat(number(cells.get(code + "@24.0")))
                    .as("%s whole day", code)
                    .isEqualTo(fill);
        }
        // the hub's hours are what its screens' plans hold (GET /api/v1/screens/{id}/plan), closed at 03:00
        assertThat(cells.get(hub + "@3.0")).isEqualTo("-");
        Set<String> guaranteed = Set.copyOf(sql().queryForList(
                        "select id from campaign" + " where kind = 'PUBLIC_SERVICE' and body->>'frequency' is not null",
                        String.class));
        List<String> screens = sql().queryForList("select id from screen where station_code = ?", String.class, hub);
        for (int hour : new int[] {12, 20}) {
            long onAir = 0;
            long contracted = 0;
            for (String screen : screens) {
                ScreenHour plan = as("operator")
                        .get()
                        .uri("/api/v1/screens/{id}/plan?date={date}&hour={hour}", screen, day, hour)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(ScreenHour.class)
                        .returnResult()
                        .getResponseBody();
                onAir += plan.onAir().to() - plan.onAir().from();
                contracted += plan.spots().stream()
                        .filter(spot -> spot.kind().equals("COMMERCIAL")
                                || spot.kind().equals("MAKE_GOOD")
                                || guaranteed.contains(spot.campaign()))
                        .mapToInt(ScreenHour.Spot::duration)
                        .sum();
            }
            double fill = Math.round(1000.0 * contracted / onAir) / 10.0;
            assertThat(number(cells.get(hub + "@" + (double) hour)))
                    .as("%s at %d:00", hub, hour)
                    .isEqualTo(fill);
            if (hour == 12) {
                noonTooltip(stationHour, names.get(codes.indexOf(hub)), codes.indexOf(hub), fill);
            }
        }
        browser.screenshot("console-inventory");
    }

    @Test
    void adminImportsStationsFromACsvFileLeavesThePageAndFindsTheResult() throws IOException {
        browser.signIn(USER, PASSWORD);
        browser.element("#nav-network").click();
        WebElement file = browser.element("#import");

        // a bad row: nothing is stored, and the row (its line in the file) and field are named
        file.sendKeys(stationsCsv("CB-", 300, 121).toString());
        browser.until(
                d -> "failed".equals(d.findElement(By.id("import-card")).getDomAttribute("data-phase")) ? true : null);
        assertThat(browser.element("#import-result").getText()).contains("没有导入任何车站");
        List<WebElement> errors = browser.driver().findElements(By.cssSelector("#import-errors tr.import-error"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getText())
                .contains("第 121 行")
                .contains("CB-121")
                .contains("tier");
        assertThat(count("station where code like 'CB-%'")).isZero();

        // 300 good rows; the planner looks elsewhere meanwhile and comes back to the result
        browser.element("#import").sendKeys(stationsCsv("CI-", 300, -1).toString());
        browser.element("#nav-dashboard").click();
        browser.element("#replan-card");
        browser.element("#nav-network").click();
        browser.until(
                d -> "done".equals(d.findElement(By.id("import-card")).getDomAttribute("data-phase")) ? true : null);
        browser.text("#import-result", "已导入: 300");
        assertThat(browser.element("#import-progress").getDomProperty("value")).isEqualTo("4");
        assertThat(count("station where code like 'CI-%' and province = '测试省'")).isEqualTo(300);
        browser.element("#search").sendKeys("CI-150");
        browser.until(d -> d.findElements(By.cssSelector("#stations tr")).size() == 1 ? true : null);
        assertThat(browser.element("#stations tr").getText()).contains("导入测试站150");
    }

    @Test
    void adminStartsAReplanFromTheDashboardSeesItProgressAndFindsItsEndAfterLeaving() {
        browser.signIn(USER, PASSWORD);
        browser.until(d -> "open".equals(d.findElement(By.id("live")).getDomAttribute("data-stream")) ? true : null);
        browser.element("#replan-start").click();
        String run = browser.until(d -> {
            WebElement status = d.findElement(By.id("replan-status"));
            String partial = status.getDomAttribute("data-partial");
            return partial != null && Integer.parseInt(partial) > 0 ? status.getDomAttribute("data-run") : null;
        });

        browser.element("#nav-network").click();
        browser.element("#search");
        browser.element("#nav-dashboard").click();
        WebElement status = browser.until(d -> {
            WebElement s = d.findElement(By.id("replan-status"));
            return "DONE".equals(s.getDomAttribute("data-state")) && run.equals(s.getDomAttribute("data-run"))
                    ? s
                    : null;
        });
        Map<?, ?> done = admin().get()
                .uri("/api/v1/plans/replan")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(done.get("id")).hasToString(run);
        assertThat(status.getText())
                .contains("#" + run + " · 完成")
                .contains("v" + done.get("version"))
                .contains(done.get("hoursTotal") + " / " + done.get("hoursTotal") + " 小时已求解");
        WebElement bar = browser.element("#replan-progress");
        assertThat(bar.getDomProperty("value"))
                .isEqualTo(bar.getDomProperty("max"))
                .isEqualTo(String.valueOf(done.get("hoursTotal")));
    }

    /** {@code rows} stations coded {@code prefix + line} (the header is line 1); the one on line {@code bad} has no valid tier. */
    /**
     * CONMKG-1 placed in part by a make-good run; answers what the make-good API counts for it: plays placed and still
     * owed.
     */
    private long[] partlyMadeGood() {
        // CONMKG-1 plays tomorrow from 10:00 to 11:00 only, and yesterday the planner could not place 300 of its plays
        // (as publication stores them): more than that hour holds, so a make-good run places part and the rest stays
        String station = "CONMKG-ST";
        allDayStation(station);
        LocalDate tomorrow = Bookings.today().plusDays(1);
        if (count("campaign where id = 'CONMKG-1'") == 0) {
            Map<String, Object> oneHour = new HashMap<>(Bookings.commercial("CONMKG-1", station, "1/h"));
            oneHour.put("flight", Map.of("start", tomorrow + "T00:00", "end", tomorrow.plusDays(1) + "T00:00"));
            oneHour.put("dailyHours", "10:00-11:00");
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(oneHour)
                    .exchange()
                    .expectStatus()
                    .isCreated();
            sql().update(
                            "insert into campaign_delivery (campaign_id, station_code, day, contracted_plays,"
                                    + " scheduled_plays, scheduled_seconds) values ('CONMKG-1', ?, ?, 300, 0, 0)",
                            station,
                            Bookings.today().minusDays(1));
        }
        as("planner")
                .post()
                .uri("/api/v1/make-goods/run")
                .exchange()
                .expectStatus()
                .isOk();
        Map<String, Object> owed = Objects.requireNonNull(as("operator")
                        .get()
                        .uri("/api/v1/make-goods?campaign=CONMKG-1")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {})
                        .returnResult()
                        .getResponseBody())
                .get("owed")
                .get(0);
        long placed = ((Number) owed.get("placed")).longValue();
        long stillOwed = ((Number) owed.get("stillOwed")).longValue();
        assertThat(placed).as("placed in part").isPositive();
        assertThat(stillOwed).as("the rest still owed").isPositive();

        return new long[] {placed, stillOwed};
    }

    private static Path stationsCsv(String prefix, int rows, int bad) throws IOException {
        StringBuilder csv = new StringBuilder("code,name,province,bureau,tier,zone,operatingHours\n");
        for (int line = 2; line < rows + 2; line++) {
            csv.append(prefix)
                    .append(line)
                    .append(",导入测试站")
                    .append(line)
                    .append(",测试省,测试局,")
                    .append(line == bad ? "HUGE" : "STANDARD")
                    .append(",Asia/Shanghai,06:00-23:00\n");
        }
        Path file = Files.createTempFile("railcast-stations", ".csv");
        file.toFile().deleteOnExit();
        return Files.writeString(file, csv.toString());
    }

    /** Hovers the 12:00 cell of row {@code y} and reads the tooltip a planner sees there. */
    private void noonTooltip(WebElement chart, String name, int y, double fill) {
        List<?> centre = (List<?>) browser.driver().executeScript("""
                arguments[0].scrollIntoView({block: 'center'});
                const chart = echarts.getInstanceByDom(arguments[0]);
                return [...chart.convertToPixel({seriesIndex: 0}, [12, arguments[1]]), arguments[0].clientWidth,
                  arguments[0].clientHeight];""", chart, y);
        new Actions(browser.driver())
                .moveToElement(chart, (int) (number(centre.get(0)) - number(centre.get(2)) / 2), (int)
                        (number(centre.get(1)) - number(centre.get(3)) / 2))
                .perform();
        browser.text(
                "#station-hour",
                name + " · 12:00 · "
                        + BigDecimal.valueOf(fill).stripTrailingZeros().toPlainString() + "%");
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** What the test reads of GET /api/v1/inventory. */
    record InventoryDay(long version, List<StationDay> stations) {
        record StationDay(String station, double fillPercent) {}
    }

    /** What the test reads of GET /api/v1/screens/{id}/plan. */
    record ScreenHour(OnAir onAir, List<Spot> spots) {
        record OnAir(int from, int to) {}

        record Spot(int duration, String campaign, String kind) {}
    }

    private void frequency(String count) {
        WebElement input = browser.element("#frequency-count");
        erase(input);
        input.sendKeys(count);
    }

    /** Empties an input as a person would, so that the page hears input events (WebDriver's clear() sends none). */
    private static void erase(WebElement input) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    }
}
