package io.railcast.server.endtoend;

import static io.railcast.server.endtoend.PromisedBook.BOOKINGS;
import static io.railcast.server.endtoend.PromisedBook.BRONZE;
import static io.railcast.server.endtoend.PromisedBook.GOLD;
import static io.railcast.server.endtoend.PromisedBook.KILLED;
import static io.railcast.server.endtoend.PromisedBook.SILVER;
import static io.railcast.server.endtoend.PromisedBook.TIN;
import static io.railcast.server.endtoend.PromisedBook.WATCHED;
import static io.railcast.server.endtoend.ScreenAgents.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.PlayerAgent;
import io.railcast.server.ScheduledSpots;
import io.railcast.server.ShiftedClockIntegrationTest;
import io.railcast.server.endtoend.PromisedBook.Booking;
import io.railcast.server.planning.CampaignBook;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17's scenario over real HTTP with real player agents, on the server whose clock the test moves (so hours of
 * a station's day pass at once, and become past days that owe plays): a station filled by campaigns of different
 * priorities and prices ({@link PromisedBook}) loses a screen for good and most of its hours, and exactly the
 * lowest-ranked plays are dropped and named per campaign; a 10-minute emergency takeover shows on the agents'
 * screens and is gone after; an agent is down for 15 minutes; after midnight the make-good job places what the day
 * owes, and scheduler-models' auditor finds on the published plans every placed play inside its flight and every
 * guaranteed play of the booked campaigns in its window, while what could not be placed is reported owed.
 */
class BrokenPromiseIT extends ShiftedClockIntegrationTest {

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @Autowired
    CampaignBook book;

    private ScreenAgents agents;
    private PromiseApi api;

    @AfterEach
    void stopAgents() {
        agents.close();
    }

    @Test
    void dropsTheLowestRankedPlaysAndMakesGoodWhatTheDayOwesWithoutMovingAnyoneElsesPlays() throws Exception {
        agents = new ScreenAgents(URI.create("http://127.0.0.1:" + port), admin());
        api = new PromiseApi(admin(), as("planner"), as("operator"), as("csr"), sql());
        LocalDate day = moveToMorning();
        api.bookStation(day);

        // 1-2: a screen retired, the hours cut: the retirement names what it costs per campaign, the plan drops
        // plays in yield order and names them
        Map<String, Object> retired = api.retire(PromisedBook.RETIRED);
        assertThat(api.lostPlays(retired)).isEqualTo(lostByRetirement(retired, day));
        long beforeCut = api.latestVersion();
        api.cutHours();
        Instant opens = day.atTime(PromisedBook.OPENS, 0).atZone(ZONE).toInstant();
        await("the plan of the cut hours", Duration.ofSeconds(60), () -> api.latestVersion() > beforeCut);
        for (String screen : List.of(WATCHED, KILLED)) {
            for (int hour = 0; hour < 3; hour++) {
                Instant at = opens.plus(Duration.ofHours(hour));
                assertThat(Map.of(
                                GOLD,
                                spots(screen, GOLD, at),
                                SILVER,
                                spots(screen, SILVER, at),
                                BRONZE,
                                spots(screen, BRONZE, at),
                                TIN,
                                spots(screen, TIN, at)))
                        .as("%s at %s: 240 plays fit, TIN yields all 20, BRONZE its last 10", screen, at)
                        .isEqualTo(Map.of(GOLD, 40, SILVER, 40, BRONZE, 160, TIN, 0));
            }
        }
        Map<String, Long> dropped = Map.of(GOLD.id(), 0L, SILVER.id(), 0L, BRONZE.id(), 60L, TIN.id(), 120L);
        for (Booking booking : BOOKINGS) {
            Map<String, Object> row = api.deliveryRow(booking.id(), day);
            assertThat((Long) row.get("contractedPlays") - (Long) row.get("scheduledPlays"))
                    .as("%s's plays the plan could not place on %s, named in its delivery", booking.id(), day)
                    .isEqualTo(dropped.get(booking.id()));
            assertThat(row.get("contractedPlays")).isEqualTo(2L * booking.playsPerDay());
        }
        assertThat(api.shortfallAlerts())
                .containsEntry(TIN.id(), 120L)
                .containsEntry(BRONZE.id(), 60L)
                .doesNotContainKeys(GOLD.id(), SILVER.id());

        // 3: the station's agents play; a 10-minute takeover is on their screens and gone after
        ScreenLog watched = new ScreenLog();
        ScreenLog killed = new ScreenLog();
        agents.start(
                agents.config(agents.issueToken(WATCHED), temp.resolve("watched"))
                        .build(),
                clock(),
                watched);
        PlayerAgent killedAgent = agents.start(
                agents.config(agents.issueToken(KILLED), temp.resolve("killed")).build(), clock(), killed);
        clock().advanceTo(opens.plusSeconds(2));
        await(
                "both screens playing",
                Duration.ofSeconds(60),
                () -> playsSince(watched, opens) && playsSince(killed, opens));
        Map<String, Long> lost = takeOverForTenMinutes(watched, killed);

        // 4: one agent down for 15 minutes, then back on the same cache
        Instant down = clock().instant();
        agents.stop(killedAgent);
        Instant back = down.plus(Duration.ofMinutes(15));
        clock().advanceTo(back);
        ScreenLog restarted = new ScreenLog();
        agents.start(
                agents.config(agents.issueToken(KILLED), temp.resolve("killed")).build(), clock(), restarted);
        await("the agent back on screen", Duration.ofSeconds(30), () -> playsSince(restarted, back));
        assertThat(ScheduledSpots.of(sql(), KILLED, GOLD.id(), down.plusSeconds(15), back))
                .isNotEmpty();
        assertThat(api.plays(KILLED, down.plusSeconds(15), back))
                .as("plays of the screen while its agent was down")
                .isZero();

        // 5: the day is past: what it owes is counted, placed where the flights have room, or reported owed
        Instant midnight = passMidnight();
        Instant jumped = clock().instant();
        for (String screen : List.of(WATCHED, KILLED)) {
            await(
                    "every play of the day reported by " + screen,
                    Duration.ofSeconds(30),
                    () -> api.reportedEverything(screen, jumped.plusSeconds(3)));
        }
        MakeGoodAudit audit = new MakeGoodAudit(
                sql(), day, clock().instant(), ZONE, book.active().block(Duration.ofSeconds(30)));
        assertThat(api.runMakeGoods()).containsKey("placed");
        for (Booking booking : BOOKINGS) {
            long owed = 2L * booking.playsPerDay()
                    - api.fullPlays(booking.id(), day.atStartOfDay(ZONE).toInstant(), midnight);
            long shortfall = Math.min(dropped.get(booking.id()), owed);
            long takeover = Math.min(lost.getOrDefault(booking.id(), 0L), owed - shortfall);
            assertThat(api.deliveryRow(booking.id(), day).get("owed"))
                    .as("what %s's %s owes, by cause", booking.id(), day)
                    .isEqualTo(Map.of(
                            "plays",
                            owed,
                            "shortfallPlays",
                            shortfall,
                            "takeoverPlays",
                            takeover,
                            "notPlayedPlays",
                            owed - shortfall - takeover));
            audit.owed(booking, api.makeGoods(booking.id()), owed);
        }
        audit.checkPublishedPlans(api.latestVersion());
    }

    /** Moves the clock to 06:30 of the next day it is not past yet: the cut station opens at 07:00. */
    private LocalDate moveToMorning() {
        LocalDateTime now = LocalDateTime.ofInstant(clock().instant(), ZONE);
        LocalDateTime morning = now.toLocalDate().atTime(6, 30);
        if (!morning.isAfter(now.plusMinutes(5))) {
            morning = morning.plusDays(1);
        }
        clock().advanceTo(morning.atZone(ZONE).toInstant());
        return morning.toLocalDate();
    }

    /** Per campaign, its plays a day on the retired screen for each day planned within its flight. */
    private static Map<String, Long> lostByRetirement(Map<String, Object> answer, LocalDate day) {
        LocalDate first = LocalDate.parse((String) answer.get("firstDay"));
        int days = ((Number) answer.get("days")).intValue();
        Map<String, Long> lost = new HashMap<>();
        for (Booking booking : BOOKINGS) {
            for (LocalDate d = first; d.isBefore(first.plusDays(days)); d = d.plusDays(1)) {
                if (!d.isBefore(day) && d.isBefore(day.plusDays(booking.days()))) {
                    lost.merge(booking.id(), (long) booking.playsPerDay(), Long::sum);
                }
            }
        }
        return lost;
    }

    /**
     * A takeover of the station from now for 10 minutes: both agents show it, no spot of the
     * schedule while it runs, the schedule again once the clock is past its end. Answers the plays it displaced.
     */
    private Map<String, Long> takeOverForTenMinutes(ScreenLog... screens) throws InterruptedException {
        Instant until = clock().instant().plus(Duration.ofMinutes(10));
        String id = api.takeOver(until);
        // how fast is TakeoverIT's and bench-fleet's business; here, that it reaches every screen of the station
        for (ScreenLog screen : screens) {
            await(
                    "the takeover on screen",
                    Duration.ofSeconds(10),
                    () -> screen.first(shown -> shown.line().contains(" TAKEOVER " + id))
                            .isPresent());
        }
        clock().advanceTo(until.plusSeconds(2));
        for (ScreenLog screen : screens) {
            await("the schedule back after the takeover", Duration.ofSeconds(10), () -> playsSince(screen, until));
            Instant shown = screen.first(s -> s.line().contains(" TAKEOVER " + id))
                    .orElseThrow()
                    .at();
            assertThat(screen.plays())
                    .as("no spot of the schedule during the takeover")
                    .noneMatch(play -> play.at().isAfter(shown) && play.at().isBefore(until));
        }
        return api.lostPlaysOfTakeover(id);
    }

    private int spots(String screen, Booking booking, Instant hour) {
        return ScheduledSpots.of(sql(), screen, booking.id(), hour, hour.plus(Duration.ofHours(1)))
                .size();
    }

    private static boolean playsSince(ScreenLog screen, Instant since) {
        return screen.plays().stream().anyMatch(play -> !play.at().isBefore(since));
    }
}
