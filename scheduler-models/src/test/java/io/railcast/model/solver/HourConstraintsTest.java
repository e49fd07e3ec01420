package io.railcast.model.solver;

import static io.railcast.model.solver.Spots.commercial;
import static io.railcast.model.solver.Spots.play;

import io.railcast.model.campaign.CampaignKind;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class HourConstraintsTest {

    private final ConstraintVerifier<HourConstraints, HourSchedule> verifier =
            ConstraintVerifier.build(new HourConstraints(), HourSchedule.class, SpotAssignment.class);

    @Test
    void spotsOverlap() {
        SpotAssignment first = commercial("a", "", 0);
        SpotAssignment overlapping = commercial("b", "", 10);
        SpotAssignment afterwards = commercial("c", "", 15);
        // The 15 s spot at 10 shares slot 10 with the first and slots 15 and 20 with the third; the third starts
        // exactly as the first ends, which is no overlap.
        verifier.verifyThat(HourConstraints::spotsOverlap)
                .given(first, overlapping, afterwards)
                .penalizesBy(3);
        verifier.verifyThat(HourConstraints::spotsOverlap)
                .given(first, afterwards)
                .penalizesBy(0);
    }

    @Test
    void contractedPlayMissing() {
        SpotAssignment lonelyContract = commercial("a", "", null);
        SpotAssignment psaForTheShare = play(
                "psa",
                CampaignKind.PUBLIC_SERVICE,
                "",
                false,
                new io.railcast.model.solver.PlayWindow(0, 3600, 1),
                0,
                3600,
                null);
        verifier.verifyThat(HourConstraints::contractedPlayMissing)
                .given(lonelyContract, psaForTheShare)
                .penalizesBy(15);
        verifier.verifyThat(HourConstraints::contractedPlayMissing)
                .given(commercial("a", "", 0))
                .penalizesBy(0);
    }

    @Test
    void playDroppedOutOfYieldOrder() {
        var firstQuarter = new PlayWindow(0, 900, 1);
        SpotAssignment droppedHighRank = play("high", CampaignKind.COMMERCIAL, "", true, firstQuarter, 0, 900, null, 2);
        SpotAssignment lowRankInItsTime =
                play("low", CampaignKind.COMMERCIAL, "", true, new PlayWindow(0, 3600, 1), 0, 3600, 100, 1);
        SpotAssignment lowRankAfterItsWindow =
                play("low", CampaignKind.COMMERCIAL, "", true, new PlayWindow(0, 3600, 1), 0, 3600, 900, 1);
        SpotAssignment highestRankInItsTime =
                play("top", CampaignKind.COMMERCIAL, "", true, new PlayWindow(0, 3600, 1), 0, 3600, 200, 3);
        // The lower-ranked play airs in time the dropped play could have used: however short either spot is, the
        // dropped play was dropped out of order.
        verifier.verifyThat(HourConstraints::playDroppedOutOfYieldOrder)
                .given(droppedHighRank, lowRankInItsTime, highestRankInItsTime)
                .penalizesBy(1);
        verifier.verifyThat(HourConstraints::playDroppedOutOfYieldOrder)
                .given(droppedHighRank, lowRankAfterItsWindow, highestRankInItsTime)
                .penalizesBy(0);
        // Both dropped: the lower-ranked play airs nowhere, so the higher-ranked one was not dropped for it.
        SpotAssignment lowRankDropped =
                play("low", CampaignKind.COMMERCIAL, "", true, new PlayWindow(0, 3600, 1), 0, 3600, null, 1);
        verifier.verifyThat(HourConstraints::playDroppedOutOfYieldOrder)
                .given(droppedHighRank, lowRankDropped)
                .penalizesBy(0);
    }

    @Test
    void playOutsideItsWindow() {
        var firstFiveMinutes = new PlayWindow(0, 300, 1);
        SpotAssignment late = play("a", CampaignKind.COMMERCIAL, "", true, firstFiveMinutes, 0, 300, 300);
        SpotAssignment overrunning = play("b", CampaignKind.COMMERCIAL, "", true, firstFiveMinutes, 0, 300, 290);
        SpotAssignment inside = play("c", CampaignKind.COMMERCIAL, "", true, firstFiveMinutes, 0, 300, 285);
        // A play may start late in its window only if it still ends by the campaign's active end (300 here).
        verifier.verifyThat(HourConstraints::playOutsideItsWindow)
                .given(late, overrunning, inside)
                .penalizesBy(30);
    }

    @Test
    void creativeNotMadeForScreen() {
        SpotAssignment ledCreativeOnLcd = commercial("a", "", 0);
        ledCreativeOnLcd.setCreative(Spots.LED_15);
        verifier.verifyThat(HourConstraints::creativeNotMadeForScreen)
                .given(ledCreativeOnLcd)
                .penalizesBy(15);
        verifier.verifyThat(HourConstraints::creativeNotMadeForScreen)
                .given(commercial("b", "", 0))
                .penalizesBy(0);
    }

    @Test
    void sameCategoryBackToBack() {
        SpotAssignment carMaker = commercial("car-1", "automotive", 0);
        SpotAssignment rivalCarMaker = commercial("car-2", "automotive", 15);
        SpotAssignment brewery = commercial("beer", "liquor", 30);
        SpotAssignment laterCarMaker = commercial("car-3", "automotive", 50);
        SpotAssignment neutral = commercial("n", "", 45);
        verifier.verifyThat(HourConstraints::sameCategoryBackToBack)
                .given(carMaker, rivalCarMaker, brewery, laterCarMaker, neutral)
                .penalizesBy(1);
    }

    @Test
    void unevenSpacing() {
        var hour = new PlayWindow(0, 3600, 2);
        SpotAssignment firstHalf = play("a", CampaignKind.COMMERCIAL, "", true, hour, 0, 1800, 900);
        SpotAssignment bunchedIntoFirstHalf = play("a", CampaignKind.COMMERCIAL, "", true, hour, 1800, 3600, 1000);
        verifier.verifyThat(HourConstraints::unevenSpacing)
                .given(firstHalf, bunchedIntoFirstHalf)
                .penalizesBy(800);
    }

    @Test
    void psaShareBelowFloor() {
        // 15 s of commercial airtime owes ceil(3% of 15) = 1 s of PSA; none is on air.
        SpotAssignment commercial = commercial("a", "", 0);
        SpotAssignment psaLeftOut =
                play("psa", CampaignKind.PUBLIC_SERVICE, "", false, new PlayWindow(0, 3600, 1), 0, 3600, null);
        verifier.verifyThat(HourConstraints::psaShareBelowFloor)
                .given(Spots.FRAME, commercial, psaLeftOut)
                .penalizesBy(1);
        psaLeftOut.setStart(100);
        verifier.verifyThat(HourConstraints::psaShareBelowFloor)
                .given(Spots.FRAME, commercial, psaLeftOut)
                .penalizesBy(0);
    }

    @Test
    void creativeOffRotation() {
        SpotAssignment offRotation = commercial("a", "", 0);
        offRotation.setCreative(Spots.LCD_10);
        verifier.verifyThat(HourConstraints::creativeOffRotation)
                .given(offRotation, commercial("b", "", 20))
                .penalizesBy(1);
    }

    @Test
    void movedFromPublishedPlan() {
        SpotAssignment moved = commercial("a", "", 100).withPrevious(0, Spots.LCD_15);
        SpotAssignment kept = commercial("b", "", 200).withPrevious(200, Spots.LCD_15);
        SpotAssignment newPlay = commercial("c", "", 300);
        verifier.verifyThat(HourConstraints::movedFromPublishedPlan)
                .given(moved, kept, newPlay)
                .penalizesBy(1);
        // A published play left out is gone, and one kept in place with another creative is not the play published.
        SpotAssignment gone = commercial("d", "", null).withPrevious(400, Spots.LCD_15);
        SpotAssignment otherCreative = commercial("e", "", 500).withPrevious(500, Spots.LCD_10);
        verifier.verifyThat(HourConstraints::movedFromPublishedPlan)
                .given(kept, gone, otherCreative)
                .penalizesBy(2);
    }
}
