package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.PlayRecord;
import io.railcast.agent.protocol.ScheduledHour;
import io.railcast.agent.protocol.Spot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AirtimeTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");
    private static final HourPlan PLAN = new HourPlan(
            0,
            3600,
            List.of(
                    new Spot(0, 15, "C-1", "CR-1", "COMMERCIAL"),
                    new Spot(15, 5, "F-1", "CR-F", "FILLER"),
                    new Spot(20, 3580, "F-1", "CR-F", "FILLER")));
    private static final Adopted ADOPTED = new Adopted(
            7,
            List.of(new ScheduledHour(HOUR, "p"), new ScheduledHour(HOUR.plusSeconds(3600), "p")),
            Map.of("p", PLAN));

    @Test
    void recordsTheSpotsThatStartedAndEndedInTheWindow() {
        List<PlayRecord> plays = Airtime.played("S-1", ADOPTED, HOUR, HOUR.plusSeconds(22));
        assertThat(plays).extracting(PlayRecord::creative).containsExactly("CR-1", "CR-F");
        assertThat(plays.get(0).startedAt()).isEqualTo(HOUR);
        assertThat(plays.get(0).durationMillis()).isEqualTo(15_000);
        assertThat(plays.get(0).scheduleVersion()).isEqualTo(7);
        assertThat(plays.get(0).playId()).isNotEqualTo(plays.get(1).playId());
        assertThat(Airtime.after(plays, HOUR)).isEqualTo(HOUR.plusSeconds(20));
    }

    @Test
    void leavesOutASpotAlreadyRunningWhenTheWindowOpensAndOneStillRunningWhenItCloses() {
        assertThat(Airtime.played("S-1", ADOPTED, HOUR.plusSeconds(5), HOUR.plusSeconds(19)))
                .isEmpty();
    }

    @Test
    void continuesIntoTheNextHourWithoutRecordingASpotTwice() {
        List<PlayRecord> first = Airtime.played("S-1", ADOPTED, HOUR, HOUR.plusSeconds(3610));
        Instant cursor = Airtime.after(first, HOUR);
        List<PlayRecord> second = Airtime.played("S-1", ADOPTED, cursor, HOUR.plusSeconds(3620));
        assertThat(first).hasSize(3);
        assertThat(cursor).isEqualTo(HOUR.plusSeconds(3600));
        assertThat(second)
                .extracting(PlayRecord::startedAt)
                .containsExactly(HOUR.plusSeconds(3600), HOUR.plusSeconds(3615));
        assertThat(Airtime.after(List.of(), cursor)).isEqualTo(cursor);
    }
}
