package io.railcast.model.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourPlanTest {

    @Test
    void keepsEverySpotAsItWasGivenInItsCompactForm() {
        List<Spot> spots = List.of(
                new Spot(0, 15, "c-1", "cr-1", CampaignKind.COMMERCIAL),
                new Spot(15, 30, "psa-1", "cr-9", CampaignKind.PUBLIC_SERVICE),
                new Spot(45, 15, "c-1", "cr-2", CampaignKind.COMMERCIAL),
                new Spot(60, 15, "c-1", "cr-1", CampaignKind.COMMERCIAL),
                new Spot(3585, 15, "f-1", "cr-5", CampaignKind.FILLER));

        HourPlan plan = new HourPlan(new SecondRange(0, 3600), spots);

        assertThat(plan.spots()).isInstanceOf(SpotList.class).containsExactlyElementsOf(spots);
        assertThat(new HourPlan(plan.onAir(), plan.spots()).spots()).isSameAs(plan.spots());
        assertThat(plan.airtimeSeconds()).isEqualTo(90);
    }

    @Test
    void keepsSpotsTheCompactFormCannotHoldInOneArrayPerField() {
        List<Spot> manyCreatives = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            manyCreatives.add(new Spot(i, 1, "c-" + i, "cr-" + i, CampaignKind.FILLER));
        }
        List<Spot> longSpot = List.of(new Spot(0, 70_000, "c-1", "cr-1", CampaignKind.FILLER));

        assertThat(new HourPlan(new SecondRange(0, 3600), manyCreatives).spots())
                .isInstanceOf(WideSpotList.class)
                .containsExactlyElementsOf(manyCreatives);
        assertThat(new HourPlan(new SecondRange(0, 3600), longSpot).spots())
                .isInstanceOf(WideSpotList.class)
                .containsExactlyElementsOf(longSpot);
    }

    @Test
    void refusesANullSpotAndIsImmutable() {
        List<Spot> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> new HourPlan(new SecondRange(0, 3600), withNull))
                .isInstanceOf(NullPointerException.class);
        List<Spot> spots = new HourPlan(
                        new SecondRange(0, 3600), List.of(new Spot(0, 15, "c-1", "cr-1", CampaignKind.COMMERCIAL)))
                .spots();
        assertThatThrownBy(() -> spots.add(spots.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
