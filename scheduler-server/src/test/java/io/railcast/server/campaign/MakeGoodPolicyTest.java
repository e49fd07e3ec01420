package io.railcast.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The make-good policy of a booking: its default, its three modes, and every wrong choice named by its field. */
class MakeGoodPolicyTest {

    @Test
    void commercialCampaignsAreMadeGoodByDefaultAndTheRestAreNot() {
        assertThat(read(null, null, CampaignKind.COMMERCIAL, true))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.ON, null));
        assertThat(read(null, null, CampaignKind.PUBLIC_SERVICE, true))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.OFF, null));
        assertThat(read(null, null, CampaignKind.FILLER, false))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.OFF, null));
    }

    @Test
    void readsEachModeInAnyCase() {
        assertThat(read(" off ", null, CampaignKind.COMMERCIAL, true))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.OFF, null));
        assertThat(read("on", null, CampaignKind.PUBLIC_SERVICE, true))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.ON, null));
        assertThat(read("Extend", 7, CampaignKind.COMMERCIAL, true))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.EXTEND, 7));
        assertThat(read("EXTEND", MakeGoodPolicy.MAX_EXTEND_DAYS, CampaignKind.COMMERCIAL, true))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.EXTEND, MakeGoodPolicy.MAX_EXTEND_DAYS));
    }

    @Test
    void extendNeedsDaysWithinBounds() {
        assertThat(problems("EXTEND", null, CampaignKind.COMMERCIAL, true)).containsExactly("makeGoodDays");
        assertThat(problems("EXTEND", 0, CampaignKind.COMMERCIAL, true)).containsExactly("makeGoodDays");
        assertThat(problems("EXTEND", MakeGoodPolicy.MAX_EXTEND_DAYS + 1, CampaignKind.COMMERCIAL, true))
                .containsExactly("makeGoodDays");
    }

    @Test
    void daysGoWithExtendOnly() {
        assertThat(problems("ON", 3, CampaignKind.COMMERCIAL, true)).containsExactly("makeGoodDays");
        assertThat(problems(null, 3, CampaignKind.COMMERCIAL, true)).containsExactly("makeGoodDays");
    }

    @Test
    void refusesAnUnknownModeAndMakeGoodsForWhatIsOwedNothing() {
        assertThat(problems("sometimes", null, CampaignKind.COMMERCIAL, true)).containsExactly("makeGoods");
        assertThat(problems("ON", null, CampaignKind.FILLER, false)).containsExactly("makeGoods");
        assertThat(problems("EXTEND", 3, CampaignKind.PUBLIC_SERVICE, false)).containsExactly("makeGoods");
        assertThat(read("OFF", null, CampaignKind.FILLER, false))
                .isEqualTo(new MakeGoodPolicy(MakeGoodPolicy.Mode.OFF, null));
    }

    private static @Nullable MakeGoodPolicy read(
            @Nullable String text, @Nullable Integer days, CampaignKind kind, boolean contracted) {
        List<FieldProblem> problems = new ArrayList<>();
        MakeGoodPolicy policy = MakeGoodPolicy.read(text, days, kind, contracted, problems);
        assertThat(problems).isEmpty();
        return policy;
    }

    private static List<String> problems(
            @Nullable String text, @Nullable Integer days, CampaignKind kind, boolean contracted) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(MakeGoodPolicy.read(text, days, kind, contracted, problems)).isNull();
        return problems.stream().map(FieldProblem::field).toList();
    }
}
