package io.railcast.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.RailCastServer;
import io.railcast.server.planning.PlanningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A first start with the default demo (500 stations, 5,600 screens, 300 campaigns, 72 h ahead): version 1 holds
 * every screen, every creative's file is what its row says, and a regional booking is published quickly. Logs the
 * figures it measures.
 */
class DemoStartIT {

    private static final Logger log = LoggerFactory.getLogger(DemoStartIT.class);

    @TempDir
    Path dir;

    @Test
    void loadsTheDefaultDemoPublishesVersionOneAndBooksARegionalCampaign() throws Exception {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(RailCastServer.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--railcast.database.embedded.data-dir=" + dir.resolve("postgres"),
                        "--railcast.database.embedded.durable=false",
                        "--railcast.media.dir=" + dir.resolve("media"),
                        "--railcast.security.admin-password=pw",
                        "--railcast.demo.users-password=demo-pw",
                        // Quartz keeps schedulers in a JVM-wide registry by name: keep clear of the shared test
                        // server's
                        "--spring.quartz.scheduler-name=railcast-demo")) {
            long up = millisSince(started);
            server.getBean(PlanningService.class).ready().block(Duration.ofMinutes(5));
            long ready = millisSince(started);
            JdbcTemplate sql = new JdbcTemplate(server.getBean(DataSource.class));

            Map<String, Object> first = sql.queryForMap("select * from schedule_version where version = 1");
            assertThat(first.get("days")).isEqualTo(4);
            assertThat(sql.queryForObject("select count(*) from station", Long.class))
                    .isEqualTo(500);
            assertThat(sql.queryForObject("select count(*) from screen_schedule where version = 1", Long.class))
                    .isEqualTo(5_600);
            assertThat(sql.queryForObject("select count(*) from campaign where status = 'ACTIVE'", Long.class))
                    .isEqualTo(300);
            for (Map<String, Object> creative :
                    sql.queryForList("select sha256, size_bytes, media_path from creative")) {
                byte[] file = Files.readAllBytes(Path.of((String) creative.get("media_path")));
                assertThat(file).hasSize(((Number) creative.get("size_bytes")).intValue());
                assertThat(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                        .isEqualTo(creative.get("sha256"));
            }

            WebTestClient planner = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofMinutes(2))
                    .defaultHeaders(headers -> headers.setBasicAuth("planner", "demo-pw"))
                    .build();
            planner.post()
                    .uri("/api/v1/creatives?id=REGIONAL-15&durationSeconds=15"
                            + "&screenTypes=LED_LARGE,LCD_FRAME,TV_SET")
                    .contentType(MediaType.IMAGE_PNG)
                    .bodyValue(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3})
                    .exchange()
                    .expectStatus()
                    .isCreated();
            String province = sql.queryForObject(
                    "select province from station group by province" + " order by count(*) desc, province limit 1",
                    String.class);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            long booking = System.nanoTime();
            planner.post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "id",
                            "REGIONAL-1",
                            "kind",
                            "COMMERCIAL",
                            "owner",
                            "measure",
                            "creatives",
                            List.of(Map.of("id", "REGIONAL-15")),
                            "targeting",
                            Map.of("provinces", List.of(province)),
                            "flight",
                            Map.of("start", today + "T00:00", "end", today.plusDays(14) + "T00:00"),
                            "frequency",
                            "2/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.scheduleVersion")
                    .isEqualTo(2);
            long booked = millisSince(booking);

            Runtime runtime = Runtime.getRuntime();
            log.info(
                    "Demo start figures: context up in {} ms, version 1 published {} ms after launch; regional"
                            + " booking ({}, {} screens) published in {} ms; heap used {} MB",
                    up,
                    ready,
                    province,
                    sql.queryForObject(
                            "select count(*) from screen s join station t"
                                    + " on t.code = s.station_code where t.province = ?",
                            Long.class,
                            province),
                    booked,
                    (runtime.totalMemory() - runtime.freeMemory()) / 1_000_000);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
