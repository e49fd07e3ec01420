package io.railcast.server;

import io.railcast.server.agent.AgentIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A public-service ad and a commercial campaign booked at a test's own station, and plays of both reported by its
 * screen's agent in the current hour: one full play of the PSA (its own creative), one full and one cut-short play
 * of the commercial campaign. What the public-service report and the proof-of-play export are read from.
 *
 * @param psa        the PSA's id ({@code prefix-P1}), guaranteed once an hour, with creative {@code prefix-PSA}
 * @param commercial the commercial campaign's id ({@code prefix-C1}), 6 an hour, of {@link Bookings#CREATIVE}
 * @param psaPlay    the PSA's spot played in full
 * @param fullPlay   the commercial spot played in full
 * @param shortPlay  the commercial spot played for 3 s only
 */
public record PublicServicePlays(
        String psa,
        String commercial,
        String creative,
        ScheduledSpots.Spot psaPlay,
        ScheduledSpots.Spot fullPlay,
        ScheduledSpots.Spot shortPlay) {

    /** What each prefix staged in this JVM, whose tests share one database (emptied once per JVM). */
    private static final Map<String, PublicServicePlays> STAGED = new ConcurrentHashMap<>();

    /**
     * Books both campaigns at {@code station} and reports the three plays from {@code screen}, once per prefix: a
     * later call answers the plays of the first, whatever the hour is by then.
     */
    public static PublicServicePlays stage(
            WebTestClient admin,
            WebTestClient anonymous,
            JdbcTemplate sql,
            String prefix,
            String station,
            String screen) {
        return STAGED.computeIfAbsent(prefix, staged -> play(admin, anonymous, sql, prefix, station, screen));
    }

    private static PublicServicePlays play(
            WebTestClient admin,
            WebTestClient anonymous,
            JdbcTemplate sql,
            String prefix,
            String station,
            String screen) {
        String psa = prefix + "-P1";
        String commercial = prefix + "-C1";
        String creative = prefix + "-PSA";
        Bookings.ensureCreative(admin, sql);
        Bookings.ensureCreative(admin, sql, creative);
        Long booked = sql.queryForObject("select count(*) from campaign where id = ?", Long.class, psa);
        if (booked != null && booked == 0) {
            Map<String, Object> ad = new java.util.LinkedHashMap<>(Bookings.publicService(psa, station));
            ad.put("creatives", List.of(Map.of("id", creative, "weight", 1)));
            book(admin, ad);
            book(admin, Bookings.commercial(commercial, station, "6/h"));
        }
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<ScheduledSpots.Spot> psaSpots = ScheduledSpots.of(sql, screen, psa, hour, hour.plusSeconds(3600));
        List<ScheduledSpots.Spot> spots = ScheduledSpots.of(sql, screen, commercial, hour, hour.plusSeconds(3600));
        if (psaSpots.isEmpty() || spots.size() < 2) {
            throw new IllegalStateException(screen + " has " + psaSpots.size() + " spots of " + psa + " and "
                    + spots.size() + " of " + commercial + " in the hour from " + hour);
        }
        PublicServicePlays plays =
                new PublicServicePlays(psa, commercial, creative, psaSpots.get(0), spots.get(0), spots.get(1));
        String token = AgentIntegrationTest.issueToken(admin, screen);
        anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build()
                .post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "plays",
                        List.of(
                                plays.psaPlay().play(screen, 15_000),
                                plays.fullPlay().play(screen, 15_000),
                                plays.shortPlay().play(screen, 3_000))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted.length()")
                .isEqualTo(3);
        return plays;
    }

    private static void book(WebTestClient admin, Map<String, Object> campaign) {
        admin.post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
