package io.railcast.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Creative;
import io.railcast.model.network.ScreenType;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignDraftTest {

    private static final Map<String, Creative> CREATIVES =
            Map.of("CR-1", new Creative("CR-1", 15, Set.of(ScreenType.TV_SET), "u", "0".repeat(64), 10));

    @Test
    void readsAValidPayloadIntoTheDomainAndBackToItsNormalForm() {
        CampaignPayload payload = new CampaignPayload(
                "C-1",
                "春运",
                "commercial",
                "12306",
                " telecom ",
                List.of(new CampaignPayload.CreativeRef("CR-1", null)),
                new CampaignPayload.TargetingPayload(List.of("HZD"), null, null, List.of("hub"), null, null),
                new CampaignPayload.FlightPayload("2026-11-24T06:30", "2026-12-01T00:00"),
                "07:00-22:00",
                "6/5min",
                null,
                120_000L,
                null,
                null);
        CampaignDraft draft = CampaignDraft.read(payload);
        Campaign campaign = draft.toCampaign("C-1", CREATIVES);
        assertThat(campaign.category()).isEqualTo("telecom");
        assertThat(campaign.creatives().get(0).weight()).isEqualTo(1);
        CampaignPayload normal = CampaignPayload.of(campaign, draft.makeGoods());
        assertThat(normal.kind()).isEqualTo("COMMERCIAL");
        assertThat(normal.makeGoods())
                .as("a commercial campaign is made good by default")
                .isEqualTo("ON");
        assertThat(normal.makeGoodDays()).isNull();
        assertThat(normal.frequency()).isEqualTo("6/5min");
        assertThat(normal.targeting().tiers()).containsExactly("HUB");
        assertThat(CampaignDraft.read(normal).toCampaign("C-1", CREATIVES)).isEqualTo(campaign);
    }

    @Test
    void namesEveryFieldThatIsWrong() {
        CampaignPayload payload = new CampaignPayload(
                "no spaces please",
                null,
                "COMMERCIAL",
                null,
                null,
                List.of(new CampaignPayload.CreativeRef("CR-1", 0), new CampaignPayload.CreativeRef("CR-1", 1)),
                new CampaignPayload.TargetingPayload(null, null, null, List.of("GIANT"), List.of("PLASMA"), null),
                new CampaignPayload.FlightPayload("2026-12-01T00:00", "2026-11-01"),
                "25:00-26:00",
                null,
                null,
                -1L,
                null,
                null);
        assertThat(fields(() -> CampaignDraft.read(payload)))
                .containsExactly(
                        "id",
                        "creatives[0].weight",
                        "creatives[1].id",
                        "targeting.tiers",
                        "targeting.screenTypes",
                        "flight.end",
                        "dailyHours",
                        "frequency",
                        "priceCents");
    }

    @Test
    void refusesAFlightThatEndsBeforeItStartsOnTheEnd() {
        CampaignPayload payload = new CampaignPayload(
                null,
                null,
                "FILLER",
                null,
                null,
                List.of(new CampaignPayload.CreativeRef("CR-1", 1)),
                null,
                new CampaignPayload.FlightPayload("2026-12-01T00:00", "2026-11-30T23:00"),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields(() -> CampaignDraft.read(payload))).containsExactly("flight.end");
    }

    @Test
    void namesUnknownCreativesByTheirPlaceInTheRotation() {
        CampaignPayload payload = new CampaignPayload(
                null,
                null,
                "FILLER",
                null,
                null,
                List.of(new CampaignPayload.CreativeRef("CR-1", 1), new CampaignPayload.CreativeRef("CR-X", 1)),
                null,
                new CampaignPayload.FlightPayload("2026-11-01T00:00", "2026-11-30T23:00"),
                null,
                null,
                null,
                null,
                null,
                null);
        CampaignDraft draft = CampaignDraft.read(payload);
        assertThat(fields(() -> draft.toCampaign("F-1", CREATIVES))).containsExactly("creatives[1].id");
    }

    private static List<String> fields(Runnable reading) {
        CampaignRefusal.InvalidCampaign refusal =
                catchThrowableOfType(CampaignRefusal.InvalidCampaign.class, reading::run);
        assertThat(refusal).as("an invalid campaign").isNotNull();
        return refusal.problems().stream().map(FieldProblem::field).toList();
    }
}
