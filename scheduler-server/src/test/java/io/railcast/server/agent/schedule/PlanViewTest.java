package io.railcast.server.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.agent.schedule.PlanView.OnAir;
import io.railcast.server.agent.schedule.PlanView.SpotView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlanViewTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheStoredCompactPlanIntoTheProtocolsSpots() {
        PlanView plan = PlanView.of(json.readTree("""
                {"onAir": {"from": 600, "to": 3600},
                 "spots": [[600, 15, "C-1", "CR-1", "C"], [615, 10, "PSA-1", "CR-9", "P"], [625, 5, "F", "CR-0", "F"]]}
                """));
        assertThat(plan.onAir()).isEqualTo(new OnAir(600, 3600));
        assertThat(plan.spots())
                .containsExactly(
                        new SpotView(600, 15, "C-1", "CR-1", CampaignKind.COMMERCIAL),
                        new SpotView(615, 10, "PSA-1", "CR-9", CampaignKind.PUBLIC_SERVICE),
                        new SpotView(625, 5, "F", "CR-0", CampaignKind.FILLER));
        assertThat(plan.creatives()).containsExactly("CR-1", "CR-9", "CR-0");
        assertThat(json.writeValueAsString(plan.spots().get(0)))
                .isEqualTo("{\"offset\":600,\"duration\":15,\"campaign\":\"C-1\",\"creative\":\"CR-1\","
                        + "\"kind\":\"COMMERCIAL\"}");
    }

    @Test
    void refusesASpotOfAnUnknownKind() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlanView.of(json.readTree(
                        "{\"onAir\": {\"from\": 0, \"to\": 3600}, \"spots\": [[0, 15, \"C-1\", \"CR-1\", \"X\"]]}")))
                .withMessageContaining("C, P or F");
    }

    @Test
    void showsASpotMarkedMAsAMakeGoodWhichOlderAgentsPlayAsAnyOther() {
        PlanView plan = PlanView.of(json.readTree(
                "{\"onAir\": {\"from\": 0, \"to\": 3600}, \"spots\": [[0, 15, \"C-1\", \"CR-1\", \"C\", \"M\"]]}"));
        assertThat(plan.spots()).containsExactly(new SpotView(0, 15, "C-1", "CR-1", PlanView.MAKE_GOOD));
        io.railcast.agent.protocol.Spot agentSpot =
                json.readValue(json.writeValueAsString(plan.spots().get(0)), io.railcast.agent.protocol.Spot.class);
        assertThat(agentSpot.kind()).isEqualTo("MAKE_GOOD");
        assertThat(agentSpot.campaign()).isEqualTo("C-1");
    }

    @Test
    void refusesAnUnknownMarkOrAMarkedFiller() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> PlanView.of(
                                json.readTree(
                                        "{\"onAir\": {\"from\": 0, \"to\": 3600}, \"spots\": [[0, 15, \"C-1\", \"CR-1\", \"C\", \"X\"]]}")));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> PlanView.of(
                                json.readTree(
                                        "{\"onAir\": {\"from\": 0, \"to\": 3600}, \"spots\": [[0, 15, \"F\", \"CR-0\", \"F\", \"M\"]]}")));
    }
}
