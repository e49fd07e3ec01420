package io.railcast.model.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What fills the time between planned plays: rotations, turns, stand-ins, and what stays dark. */
class GapFillerTest {

    private static final Spot PLAY = new Spot(20, 10, "booked", "booked-c", CampaignKind.COMMERCIAL);

    @Test
    void aGapTakesTheRotationInOrderAndTheLongestThatFitsAtItsEnd() {
        Filler filler = filler("fil", CampaignKind.FILLER, SecondRange.WHOLE_HOUR, 10, 10, 4);

        List<Spot> tiled = fill(new SecondRange(0, 60), List.of(PLAY), filler);

        // The second gap starts at slot 6, so its rotation starts at 6 % 3 = 0; at 54 the next (10 s) does not fit
        // in 6 s, so the longest that does (4 s) plays, and the last 2 s stay dark.
        assertThat(tiled)
                .extracting(Spot::offsetSeconds, Spot::creativeId)
                .containsExactly(
                        tuple(0, "fil-0"),
                        tuple(10, "fil-1"),
                        tuple(20, "booked-c"),
                        tuple(30, "fil-0"),
                        tuple(40, "fil-1"),
                        tuple(50, "fil-2"),
                        tuple(54, "fil-2"));
    }

    @Test
    void fillersTakeTurnsGapByGapAndPsasStandInOnlyWhereNoFillerMayPlay() {
        Filler first = filler("fil-a", CampaignKind.FILLER, new SecondRange(0, 3000), 5);
        Filler second = filler("fil-b", CampaignKind.FILLER, new SecondRange(0, 3000), 5);
        Filler psa = filler("psa", CampaignKind.PUBLIC_SERVICE, SecondRange.WHOLE_HOUR, 5);

        List<Spot> tiled = fill(
                SecondRange.WHOLE_HOUR,
                List.of(new Spot(5, 5, "booked", "b", CampaignKind.COMMERCIAL)),
                first,
                second,
                psa);

        assertThat(tiled.get(0).campaignId()).isEqualTo("fil-a"); // gap at slot 0
        assertThat(tiled.get(2).campaignId()).isEqualTo("fil-a"); // the next gap starts at slot 2: turn 0 again
        assertThat(tiled.stream().filter(s -> s.offsetSeconds() < 3000))
                .extracting(Spot::campaignId)
                .doesNotContain("psa");
        assertThat(tiled.stream().filter(s -> s.offsetSeconds() >= 3000))
                .extracting(Spot::campaignId)
                .containsOnly("psa")
                .hasSize(120);
    }

    @Test
    void timeNothingFitsStaysDarkToTheNextSlot() {
        Filler filler = filler("fil", CampaignKind.FILLER, SecondRange.WHOLE_HOUR, 15);

        List<Spot> tiled = fill(new SecondRange(0, 40), List.of(), filler);

        assertThat(tiled).extracting(Spot::offsetSeconds).containsExactly(0, 15);
    }

    private static List<Spot> fill(SecondRange onAir, List<Spot> planned, Filler... fillers) {
        HourProblem hour = new HourProblem(ScreenType.LCD_FRAME, 5, onAir, true, 0, List.of(), List.of(fillers));
        return new GapFiller(hour).fill(planned);
    }

    private static Filler filler(String id, CampaignKind kind, SecondRange active, int... seconds) {
        List<CreativeChoice> rotation = new java.util.ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            rotation.add(HourSolverTest.creative(id + "-" + i, seconds[i]));
        }
        return new Filler(id, kind, active, rotation);
    }
}
