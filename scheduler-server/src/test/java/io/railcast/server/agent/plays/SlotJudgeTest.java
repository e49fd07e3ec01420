package io.railcast.server.agent.plays;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.agent.schedule.PlanView;
import io.railcast.server.agent.schedule.ScreenScheduleRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link SlotJudge} on a plan of a 15 s spot of C-1 and a 5 s filler, repeating, in Asia/Shanghai. */
class SlotJudgeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    /** 11:00 in Shanghai on {@link #DAY}. */
    private static final Instant HOUR = DAY.atTime(11, 0).atZone(SHANGHAI).toInstant();

    private static final Duration TOLERANCE = Duration.ofSeconds(3);

    private final SlotJudge judge = judge(loop());

    @Test
    void countsAPlayStartingWithinTheToleranceOfItsSpot() {
        assertThat(judge.judge(play("C-1", "CR-1", HOUR.plusMillis(20_000 + 2_900)))
                        .slot())
                .isEqualTo(HOUR.plusSeconds(20));
        assertThat(judge.judge(play("C-1", "CR-1", HOUR.plusMillis(40_000 - 3_000)))
                        .rejection())
                .isNull();
    }

    @Test
    void findsTheSpotOfThePreviousOrNextHourAcrossTheBoundary() {
        SlotJudge.Verdict justBefore = judge.judge(play("C-1", "CR-1", HOUR.minusMillis(1_500)));
        assertThat(justBefore.slot()).isEqualTo(HOUR);
        assertThat(justBefore.rejection()).isNull();
    }

    @Test
    void refusesAPlayOfAnotherCampaignOrCreativeOrVersion() {
        assertThat(judge.judge(play("C-2", "CR-1", HOUR)).rejection()).isEqualTo(SlotJudge.NOT_SCHEDULED);
        assertThat(judge.judge(play("C-1", "CR-2", HOUR)).rejection()).isEqualTo(SlotJudge.NOT_SCHEDULED);
        assertThat(judge.judge(new Play(UUID.randomUUID(), "C-1", "CR-1", HOUR, 15_000, 8L))
                        .rejection())
                .isEqualTo(SlotJudge.UNKNOWN_VERSION);
        assertThat(judge.judge(new Play(UUID.randomUUID(), "C-1", "CR-1", HOUR, 15_000, null))
                        .rejection())
                .isEqualTo(SlotJudge.UNKNOWN_VERSION);
    }

    @Test
    void tellsAPlayThatStartedMidSpotFromOneNeverScheduled() {
        SlotJudge.Verdict resumed = judge.judge(play("C-1", "CR-1", HOUR.plusSeconds(27)));
        assertThat(resumed.rejection()).isEqualTo(SlotJudge.OFF_SLOT);
        assertThat(resumed.slot()).isEqualTo(HOUR.plusSeconds(20));
        assertThat(judge.judge(play("FILL", "CR-F", HOUR.plusSeconds(7))).rejection())
                .isEqualTo(SlotJudge.NOT_SCHEDULED); // the filler runs from 15 s, and this is 8 s before
    }

    @Test
    void neverGivesAPlayResumedMidSpotTheNextSlotOfTheSameCreative() {
        List<PlanView.SpotView> filler = new ArrayList<>();
        for (int offset = 0; offset < 3600; offset += 5) {
            filler.add(new PlanView.SpotView(offset, 5, "FILL", "CR-F", CampaignKind.FILLER));
        }
        SlotJudge fillerOnly = judge(filler);
        // 2.6 s into the spot at 10 s, 2.4 s before the next: the agent played the one at 10 s, from the middle
        SlotJudge.Verdict resumed = fillerOnly.judge(play("FILL", "CR-F", HOUR.plusMillis(12_600)));
        assertThat(resumed.rejection()).isNull();
        assertThat(resumed.slot()).isEqualTo(HOUR.plusSeconds(10));
        SlotJudge.Verdict next = fillerOnly.judge(play("FILL", "CR-F", HOUR.plusMillis(15_004)));
        assertThat(next.rejection()).isNull();
        assertThat(next.slot()).isEqualTo(HOUR.plusSeconds(15));
    }

    @Test
    void countsTheFirstPlayOfASlotOnly() {
        assertThat(judge.judge(play("C-1", "CR-1", HOUR.plusSeconds(60))).rejection())
                .isNull();
        SlotJudge.Verdict second = judge.judge(play("C-1", "CR-1", HOUR.plusMillis(60_400)));
        assertThat(second.rejection()).isEqualTo(SlotJudge.DUPLICATE_SLOT);
        assertThat(second.reason()).startsWith("duplicate-slot: the spot of C-1/CR-1 at " + HOUR.plusSeconds(60));
    }

    @Test
    void acceptsTheFallbackPlanPastTheVersionsDays() {
        Instant dayAfter = HOUR.plus(Duration.ofDays(2));
        assertThat(judge.judge(play("FILL", "CR-FB", dayAfter.plusSeconds(5))).rejection())
                .isNull();
        // and within them, as the agent plays it once past the horizon it fetched when it cannot reach us
        assertThat(judge.judge(play("FILL", "CR-FB", HOUR.plusSeconds(6))).rejection())
                .isNull();
        assertThat(judge.judge(play("C-1", "CR-1", dayAfter)).rejection()).isEqualTo(SlotJudge.NOT_SCHEDULED);
    }

    private static Play play(String campaign, String creative, Instant startedAt) {
        return new Play(UUID.randomUUID(), campaign, creative, startedAt, 15_000, 7L);
    }

    /** 15 s of C-1 and 5 s of filler, repeating. */
    private static List<PlanView.SpotView> loop() {
        List<PlanView.SpotView> spots = new ArrayList<>();
        for (int offset = 0; offset < 3600; offset += 20) {
            spots.add(new PlanView.SpotView(offset, 15, "C-1", "CR-1", CampaignKind.COMMERCIAL));
            spots.add(new PlanView.SpotView(offset + 15, 5, "FILL", "CR-F", CampaignKind.FILLER));
        }
        return spots;
    }

    private static SlotJudge judge(List<PlanView.SpotView> spots) {
        PlanSlots plan = PlanSlots.of(new PlanView(new PlanView.OnAir(0, 3600), spots));
        PlanSlots fallback = PlanSlots.of(new PlanView(
                new PlanView.OnAir(0, 3600),
                List.of(
                        new PlanView.SpotView(0, 5, "FILL", "CR-FB", CampaignKind.FILLER),
                        new PlanView.SpotView(5, 5, "FILL", "CR-FB", CampaignKind.FILLER))));
        // version 7 plays "p" in every hour of DAY and the day after; "f" past them
        ScreenScheduleRow row = new ScreenScheduleRow(7, HOUR, false, DAY, Collections.nCopies(48, "p"), "f", SHANGHAI);
        return new SlotJudge("S-1", Map.of(7L, row), Map.of("p", plan, "f", fallback), TOLERANCE);
    }
}
