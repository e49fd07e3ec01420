package io.railcast.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The same small demo as {@link ServerIntegrationTest} on a server of its own (its own Spring context, embedded
 * PostgreSQL in {@code target/it-postgres/shifted}, media directory), whose clock the tests move forward: a
 * {@link ShiftedClock} that reads {@link #START} in the stations' zone when the server starts, a fixed time of day
 * some days before the real one. So what these tests see does not depend on when they run, and they can let whole
 * hours pass, or cross a midnight, without waiting: the server plans its day, publishes its versions and judges past
 * hours by this clock. Its days lie before the real ones, so every play the tests report has a start that the
 * server's checks against the system clock (a play from the future is refused) accept, however far the tests
 * move the clock: they move it by about four days in all (two of them for one scenario that lives through a
 * station's morning and into the next day), and it starts {@value #DAYS_BACK} days back.
 *
 * <p>Every subclass shares this one server (the same configuration is one cached context); tests keep apart by
 * using stations of their own, open all day so that any hour is on air, and ask the clock for what they need
 * relative to where it is.
 */
@SmallDemoServer
// Quartz registers schedulers JVM-wide by name, and the shared context holds one
@TestPropertySource(properties = "spring.quartz.scheduler-name=railcast-shifted-it")
@Import(ShiftedClockIntegrationTest.ServerClock.class)
public abstract class ShiftedClockIntegrationTest extends ServerClients {

    /** The stations' zone, in which the server's days begin. */
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How many days before the real one the server's clock starts. */
    protected static final int DAYS_BACK = 7;
    /** The server's local time of day at start. */
    protected static final int START_HOUR = 20;

    private static final Path DATA_DIR = emptyDirectory(Path.of("target", "it-postgres", "shifted"));
    private static final Path MEDIA_DIR = emptyDirectory(Path.of("target", "it-media", "shifted"));

    @Autowired
    private ShiftedClock clock;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
        registry.add("railcast.media.dir", MEDIA_DIR::toString);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ServerClock {

        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return ShiftedClock.startingAt(LocalDate.now(ZONE)
                    .minusDays(DAYS_BACK)
                    .atTime(START_HOUR, 0)
                    .atZone(ZONE)
                    .toInstant());
        }
    }

    /** The server's clock. */
    protected ShiftedClock clock() {
        return clock;
    }

    /** Today in the stations' zone by the server's clock: the first day it plans. */
    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /**
     * Lets the clock run on until the hour after the current one is over, and answers that hour: everything
     * published before this call took effect before it began, everything published after takes effect after it.
     */
    protected Instant passNextHour() {
        Instant next = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        clock.advanceTo(next.plus(Duration.ofMinutes(61)));
        return next;
    }

    /**
     * Lets the clock run on past the next midnight in the stations' zone that is at least an hour away, to ten
     * minutes after it; answers that midnight.
     */
    protected Instant passMidnight() {
        Instant midnight = LocalDate.ofInstant(clock.instant().plus(Duration.ofHours(1)), ZONE)
                .plusDays(1)
                .atStartOfDay(ZONE)
                .toInstant();
        clock.advanceTo(midnight.plus(Duration.ofMinutes(10)));
        return midnight;
    }

    /** Books a commercial campaign of {@link Bookings#CREATIVE} at {@code station} from the server's today. */
    protected void book(String id, String station, String frequency) {
        Bookings.ensureCreative(admin(), sql());
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial(id, station, frequency, today()))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** The screen reports, in {@code hour}, this many full plays of each campaign. */
    protected void report(String screen, Instant hour, Map<String, Integer> fullPlays) {
        Bookings.report(admin(), anonymous, sql(), screen, hour, fullPlays);
    }

    /**
     * Books two 3/h campaigns at {@code station} (an all-day station of the caller's), lets the next hour pass,
     * and has the station's screen report for that hour three full plays of {@code healthy} and one of
     * {@code shortOne}: {@code shortOne} is under-delivering by two plays. Answers the hour.
     */
    protected Instant playedShort(String station, String shortOne, String healthy) {
        String screen = allDayStation(station);
        book(shortOne, station, "3/h");
        book(healthy, station, "3/h");
        Instant hour = passNextHour();
        report(screen, hour, Map.of(healthy, 3, shortOne, 1));
        return hour;
    }
}
