package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedPlanReaderTest {

    private static final HourPlan PLAN = new HourPlan(
            new SecondRange(1800, 3600),
            List.of(
                    new Spot(1800, 15, "C-\"1\"", "CR\\1", CampaignKind.COMMERCIAL),
                    new Spot(1815, 5, "PSA-1", "PSA-1-5S", CampaignKind.PUBLIC_SERVICE),
                    new Spot(1820, 1780, "FIL-1", "FIL-1-30S", CampaignKind.FILLER)));

    private final PublishedPlanReader reader = new PublishedPlanReader(null, id -> null, Duration.ZERO);

    @Test
    void readsTheCanonicalBodyBackAsThePlanItWasWrittenFrom() {
        assertThat(reader.hourPlan(PlanBodies.json(PLAN))).isEqualTo(PLAN);
    }

    @Test
    void readsTheBodyAsPostgresqlGivesJsonbBackInItsOwnOrderAndSpacing() {
        String jsonb =
                "{\"onAir\": {\"to\": 3600, \"from\": 1800}, \"spots\": [[1800, 15, \"C-\\\"1\\\"\", \"CR\\\\1\","
                        + " \"C\"], [1815, 5, \"PSA-1\", \"PSA-1-5S\", \"P\"], [1820, 1780, \"FIL-1\", \"FIL-1-30S\", \"F\"]]}";
        assertThat(reader.hourPlan(jsonb)).isEqualTo(PLAN);
        assertThat(reader.hourPlan("{\"onAir\": {\"to\": 3600, \"from\": 0}, \"spots\": []}"))
                .isEqualTo(new HourPlan(new SecondRange(0, 3600), List.of()));
    }

    @Test
    void refusesASpotOfAKindItDoesNotKnow() {
        assertThatThrownBy(() -> reader.hourPlan(
                        "{\"onAir\": {\"to\": 3600, \"from\": 0}, \"spots\": [[0, 5, \"A\"," + " \"B\", \"X\"]]}"))
                .isInstanceOf(IllegalStateException.class);
    }
}
