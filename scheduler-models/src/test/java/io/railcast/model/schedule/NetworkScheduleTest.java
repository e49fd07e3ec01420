package io.railcast.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkScheduleTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-12-14");

    private static HourPlan plan(String campaign) {
        return new HourPlan(
                new SecondRange(0, 3600), List.of(new Spot(0, 3600, campaign, "cr-1", CampaignKind.FILLER)));
    }

    @Test
    void screensPutTogetherPlayTheSamePlansAndOneChangedAloneLeavesTheOthers() {
        HourPlan morning = plan("f-1");
        HourPlan other = plan("f-2");
        List<HourPlan> byHour = new ArrayList<>(Collections.nCopies(48, null));
        byHour.set(8, morning);
        byHour.set(24 + 8, morning);

        NetworkSchedule schedule = NetworkSchedule.builder(MONDAY, 2)
                .screens(List.of("s-1", "s-2", "s-3"), byHour)
                .put("s-2", MONDAY, 9, other)
                .build();

        assertThat(schedule.screenIds()).containsExactly("s-1", "s-2", "s-3");
        assertThat(schedule.distinctPlans()).containsExactly(morning, other);
        for (String screen : List.of("s-1", "s-2", "s-3")) {
            assertThat(schedule.planFor(screen, MONDAY, 8)).containsSame(morning);
            assertThat(schedule.planFor(screen, MONDAY.plusDays(1), 8)).containsSame(morning);
            assertThat(schedule.planFor(screen, MONDAY, 7)).isEmpty();
        }
        assertThat(schedule.planFor("s-2", MONDAY, 9)).containsSame(other);
        assertThat(schedule.planFor("s-1", MONDAY, 9)).isEmpty();
        assertThat(schedule.planFor("s-3", MONDAY, 9)).isEmpty();
        assertThat(schedule.sharesPlan(new ScreenHour("s-1", MONDAY, 8), new ScreenHour("s-3", MONDAY, 8)))
                .isTrue();
    }
}
