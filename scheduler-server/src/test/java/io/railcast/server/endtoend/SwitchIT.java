package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A booking that reaches the agent's screen publishes a new version; the agent switches to it within seconds when
 * it is urgent, and at its exact instant when it is scheduled ({@code ?effectiveAt=}). The version on screen is read
 * from the agent's heartbeats as the server stored them (one a second here), and from the agent's play log.
 */
class SwitchIT extends EndToEndTest {

    /** What a heartbeat said: sent at (agent's corrected clock) and the version on screen then. */
    private record Beat(Instant sentAt, long version) {}

    @Test
    void switchesWithinSecondsOfAnUrgentChange() throws Exception {
        String screen = screenOnAir(URGENT);
        ScreenLog shown = new ScreenLog();
        startAgent(config(issueToken(screen), temp.resolve("cache")).build(), shown);
        await("a first spot", Duration.ofSeconds(60), () -> !shown.plays().isEmpty());

        long version = book("E2E-URGENT", stationOf(screen), null);
        Instant published = Instant.now();

        List<Beat> beats = beatsUntil(screen, version, Duration.ofSeconds(20));
        Beat switched = beats.get(beats.size() - 1);
        assertThat(Duration.between(published, switched.sentAt()))
                .as("from the booking's answer to the heartbeat reporting version %d", version)
                .isLessThan(Duration.ofSeconds(10));
        // from then on only the new version is shown, each spot as the server planned it
        await(
                "a spot of the new version",
                Duration.ofSeconds(30),
                () -> shown.plays().stream().anyMatch(play -> play.version() == version));
        for (ScreenLog.Shown play : shown.plays()) {
            if (!play.at().isBefore(switched.sentAt())) {
                assertThat(play.version()).as(play.line()).isEqualTo(version);
                assertThat(asPlanned(play)).as(play.line()).isEqualTo(plannedSpot(screen, play));
            }
        }
    }

    @Test
    void switchesAtTheExactInstantOfAScheduledChange() throws Exception {
        String screen = screenOnAir(SCHEDULED);
        ScreenLog shown = new ScreenLog();
        startAgent(config(issueToken(screen), temp.resolve("cache")).build(), shown);
        await("a first spot", Duration.ofSeconds(60), () -> !shown.plays().isEmpty());
        long before = shown.plays().get(0).version();
        Instant firstShown = shown.plays().get(0).at();

        Instant effectiveAt = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        long version = book("E2E-LATER", stationOf(screen), effectiveAt);
        Map<String, Object> row =
                sql().queryForMap("select effective_at, urgent from schedule_version where version = ?", version);
        assertThat(((java.sql.Timestamp) row.get("effective_at")).toInstant()).isEqualTo(effectiveAt);
        assertThat(row.get("urgent")).isEqualTo(false);
        await(
                "the agent to hold version " + version + " ready",
                Duration.ofSeconds(15),
                () -> agentLog.count("version " + version + " has all its media") == 1);
        assertThat(Instant.now()).as("ready before its instant").isBefore(effectiveAt);

        List<Beat> beats = beatsUntil(screen, version, Duration.ofSeconds(40));
        for (Beat beat : beats) {
            if (beat.sentAt().isBefore(firstShown)) {
                continue; // a heartbeat from before the first spot reports no version yet
            }
            if (beat.sentAt().isBefore(effectiveAt.minusMillis(100))) {
                assertThat(beat.version()).as("on screen at %s", beat.sentAt()).isEqualTo(before);
            } else if (beat.sentAt().isAfter(effectiveAt.plusMillis(100))) {
                assertThat(beat.version()).as("on screen at %s", beat.sentAt()).isEqualTo(version);
            }
        }
        assertThat(Duration.between(effectiveAt, beats.get(beats.size() - 1).sentAt()))
                .as("the first heartbeat with the new version comes within its period of the instant")
                .isLessThan(Duration.ofMillis(2500));
        for (ScreenLog.Shown play : shown.plays()) {
            assertThat(play.version()).as(play.line()).isEqualTo(play.at().isBefore(effectiveAt) ? before : version);
        }
        // the heartbeat can come before the screen's log holds a spot of the new version (a spot begun at the
        // instant is logged as it starts, but on a busy machine the line may lag the heartbeat)
        await(
                "a spot of version " + version + " on screen",
                Duration.ofSeconds(40),
                () -> shown.first(play -> play.version() == version).isPresent());
        // when the new plan has another spot at that instant, the agent cut over exactly then
        ScreenLog.Shown first = shown.first(play -> play.version() == version).orElseThrow();
        if (!first.spotStart().isAfter(effectiveAt)) {
            assertThat(Duration.between(effectiveAt, first.at()).abs())
                    .as(first.line())
                    .isLessThan(Duration.ofMillis(200));
        }
    }

    /** Books a campaign of the all-screens creative at the station; returns the version that published it. */
    private long book(String id, String station, Instant effectiveAt) {
        Bookings.ensureCreative(admin(), sql());
        Map<String, Object> created = as("planner")
                .post()
                .uri(effectiveAt == null ? "/api/v1/campaigns" : "/api/v1/campaigns?effectiveAt=" + effectiveAt)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial(id, station, "2/5min"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return ((Number) Objects.requireNonNull(created).get("scheduleVersion")).longValue();
    }

    /** The screen's heartbeats as stored, in order, until one reports {@code version}. */
    private List<Beat> beatsUntil(String screen, long version, Duration timeout) throws InterruptedException {
        List<Beat> beats = new ArrayList<>();
        await("a heartbeat with version " + version, timeout, () -> {
            Map<String, Object> status = status(screen);
            if (status.isEmpty()) {
                return false;
            }
            Beat beat = new Beat(
                    ((java.sql.Timestamp) status.get("sent_at")).toInstant(),
                    ((Number) status.get("schedule_version")).longValue());
            if (beats.isEmpty() || !beats.get(beats.size() - 1).equals(beat)) {
                beats.add(beat);
            }
            return beat.version() == version;
        });
        return beats;
    }
}
