package io.railcast.model.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import io.railcast.model.solver.CreativeChoice;
import io.railcast.model.solver.Demand;
import io.railcast.model.solver.Filler;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.PlayWindow;
import io.railcast.model.solver.SolvedHour;
import io.railcast.model.time.SecondRange;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

class HourKeyTest {

    private static final String REVISION = "shortfall/1/steps=1";
    private static final CreativeChoice SPOT = new CreativeChoice("spot-15", 15, EnumSet.of(ScreenType.LCD_FRAME));
    private static final Filler FILLER = new Filler(
            "filler", CampaignKind.FILLER, SecondRange.WHOLE_HOUR, List.of(new CreativeChoice("f5", 5, Set.of())));

    private static Demand demand(String id, String category, int plays) {
        return new Demand(
                id,
                CampaignKind.COMMERCIAL,
                category,
                true,
                List.of(new PlayWindow(0, 3600, plays)),
                3600,
                java.util.Collections.nCopies(plays, SPOT),
                List.of(SPOT),
                1);
    }

    private static HourProblem problem(Demand demand) {
        return new HourProblem(
                ScreenType.LCD_FRAME, 5, SecondRange.WHOLE_HOUR, true, 0.03, List.of(demand), List.of(FILLER));
    }

    @Test
    void equalProblemsHaveEqualKeysAndEveryFieldCounts() {
        HourProblem base = problem(demand("a", "", 2));
        assertThat(HourKey.of(problem(demand("a", "", 2)), REVISION)).isEqualTo(HourKey.of(base, REVISION));

        List<UnaryOperator<HourProblem>> changes = List.of(
                p -> new HourProblem(ScreenType.LED_LARGE, 5, p.onAir(), true, 0.03, p.demands(), p.fillers()),
                p -> new HourProblem(p.screenType(), 10, p.onAir(), true, 0.03, p.demands(), p.fillers()),
                p -> new HourProblem(p.screenType(), 5, new SecondRange(0, 1800), true, 0.03, p.demands(), p.fillers()),
                p -> new HourProblem(p.screenType(), 5, p.onAir(), false, 0.03, p.demands(), p.fillers()),
                p -> new HourProblem(p.screenType(), 5, p.onAir(), true, 0.04, p.demands(), p.fillers()),
                p -> new HourProblem(p.screenType(), 5, p.onAir(), true, 0.03, p.demands(), List.of()),
                p -> problem(demand("b", "", 2)),
                p -> problem(demand("a", "liquor", 2)),
                p -> problem(demand("a", null, 2)),
                p -> problem(demand("a", "", 3)),
                p -> problem(demand("a", "", 2).withPrecedence(2)));
        Set<HourKey> keys = new HashSet<>(Set.of(HourKey.of(base, REVISION)));
        changes.forEach(change -> assertThat(keys.add(HourKey.of(change.apply(base), REVISION)))
                .as("a changed problem has its own key")
                .isTrue());
        assertThat(HourKey.of(base, "shortfall/1/steps=300"))
                .as("another solver")
                .isNotEqualTo(HourKey.of(base, REVISION));
    }

    @Test
    void aKeyIsStoredAsSixteenBytes() {
        HourKey key = HourKey.of(problem(demand("a", "", 2)), REVISION);

        assertThat(HourKey.fromBytes(key.toBytes())).isEqualTo(key);
        assertThatThrownBy(() -> HourKey.fromBytes(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionIsOneLineOfTextWhateverTheCampaignIds() {
        BendableLongScore score = BendableLongScore.of(new long[] {0, -3}, new long[] {0, -1, 0, -7});
        SolvedHour shortfall = new SolvedHour(
                null,
                score,
                true,
                Map.of("REQ-1", 2, "odd|id=1/2,\tnew\nline ü", 1),
                Map.of("REQ-1", 30, "odd|id=1/2,\tnew\nline ü", 15));
        SolvedHour whole = new SolvedHour(null, null, false, Map.of(), Map.of());

        String text = HourDecision.encode(shortfall);

        assertThat(text).doesNotContain("\t", "\n").contains("REQ-1=2/30");
        assertThat(HourDecision.decode(text)).isEqualTo(shortfall);
        assertThat(HourDecision.decode(HourDecision.encode(whole))).isEqualTo(whole);
        assertThat(HourDecision.encode(whole)).isEqualTo("0||");
        assertThatThrownBy(() -> HourDecision.decode("0|")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HourDecision.decode("2||")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HourDecision.decode("0||REQ-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
