package io.railcast.server.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.schedule.ScheduleBody.HourEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HorizonTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void startsAtTheLocalHourAndFindsEachPlanByLocalDayAndHour() {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            plans.add("p" + i);
        }
        // 2026-11-24 11:20 in Shanghai
        Horizon horizon = Horizon.of(
                row(LocalDate.parse("2026-11-24"), plans, SHANGHAI), Instant.parse("2026-11-24T03:20:00Z"), 3);
        assertThat(horizon.from()).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
        assertThat(horizon.to()).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        assertThat(horizon.hours())
                .containsExactly(
                        new HourEntry(Instant.parse("2026-11-24T03:00:00Z"), "p11"),
                        new HourEntry(Instant.parse("2026-11-24T04:00:00Z"), "p12"),
                        new HourEntry(Instant.parse("2026-11-24T05:00:00Z"), "p13"));
    }

    @Test
    void leavesOutHoursOffAirAndEndsWhereTheVersionEnds() {
        List<String> plans = new ArrayList<>(Collections.nCopies(24, "day"));
        plans.set(22, null);
        plans.set(23, null);
        Horizon horizon = Horizon.of(
                row(LocalDate.parse("2026-11-24"), plans, SHANGHAI),
                Instant.parse("2026-11-24T12:59:59Z"),
                72); // 20:59 local
        assertThat(horizon.from()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(horizon.to()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z")); // midnight local
        assertThat(horizon.hours())
                .extracting(HourEntry::start)
                .containsExactly(Instant.parse("2026-11-24T12:00:00Z"), Instant.parse("2026-11-24T13:00:00Z"));
    }

    @Test
    void leavesOutHoursBeforeTheVersionsFirstDay() {
        Horizon horizon = Horizon.of(
                row(LocalDate.parse("2026-11-25"), Collections.nCopies(24, "p"), SHANGHAI),
                Instant.parse("2026-11-24T14:00:00Z"),
                4); // 22:00 local, the day before
        assertThat(horizon.hours())
                .extracting(HourEntry::start)
                .containsExactly(Instant.parse("2026-11-24T16:00:00Z"), Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(horizon.to()).isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));
    }

    @Test
    void playsTheRepeatedLocalHourTwiceWhenClocksFallBack() {
        // 2026-10-25 in Berlin: 02:00–03:00 happens twice, the day has 25 hours
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            plans.add("p" + i);
        }
        Horizon horizon = Horizon.of(
                row(LocalDate.parse("2026-10-25"), plans, BERLIN), Instant.parse("2026-10-24T22:00:00Z"), 30);
        assertThat(horizon.hours()).hasSize(25);
        assertThat(horizon.hours()).extracting(HourEntry::plan).containsSequence("p1", "p2", "p2", "p3");
        assertThat(horizon.to()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void startsAtTheStationsOwnClockHourInAHalfHourZone() {
        Horizon horizon = Horizon.of(
                row(LocalDate.parse("2026-11-24"), Collections.nCopies(24, "p"), ZoneId.of("Asia/Kolkata")),
                Instant.parse("2026-11-24T03:10:00Z"),
                1); // 08:40 local
        assertThat(horizon.from()).isEqualTo(Instant.parse("2026-11-24T02:30:00Z"));
    }

    static ScreenScheduleRow row(LocalDate firstDay, List<String> planIds, ZoneId zone) {
        return new ScreenScheduleRow(1, Instant.EPOCH, false, firstDay, planIds, null, zone);
    }
}
