package io.railcast.server.agent.schedule;

import io.railcast.model.campaign.CampaignKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An hour plan as the protocol shows it ({@code plans[id]}): the on-air part of the hour and the spots tiling it.
 * Read from the stored body {@code {"onAir":{"from":0,"to":3600},"spots":[[offset,duration,"campaign",
 * "creative","C"|"P"|"F"(,"M")],…]}}. A spot marked {@code "M"} makes good owed plays of its campaign: its kind is
 * {@value #MAKE_GOOD}, which agents that do not know it play as any spot (agent protocol, {@code Spot.kind}).
 */
public record PlanView(OnAir onAir, List<SpotView> spots) {

    public record OnAir(int from, int to) {}

    /** The kind of a spot that makes good owed plays. */
    public static final String MAKE_GOOD = "MAKE_GOOD";

    /** @param kind the campaign's kind ({@link CampaignKind}'s name), or {@value #MAKE_GOOD} */
    public record SpotView(int offset, int duration, String campaign, String creative, String kind) {

        public SpotView(int offset, int duration, String campaign, String creative, CampaignKind kind) {
            this(offset, duration, campaign, creative, kind.name());
        }
    }

    /** The plan stored as {@code body}; throws IllegalArgumentException when it is not of the contract's form. */
    public static PlanView of(JsonNode body) {
        JsonNode onAir = body.required("onAir");
        List<SpotView> spots = new ArrayList<>();
        for (JsonNode spot : body.required("spots")) {
            if (!spot.isArray() || spot.size() < 5) {
                throw new IllegalArgumentException("a spot is [offset, duration, campaign, creative, kind]: " + spot);
            }
            spots.add(new SpotView(
                    spot.get(0).asInt(),
                    spot.get(1).asInt(),
                    spot.get(2).asString(),
                    spot.get(3).asString(),
                    kind(spot.get(4).asString(), spot.size() > 5 ? spot.get(5).asString() : "")));
        }
        return new PlanView(
                new OnAir(onAir.required("from").asInt(), onAir.required("to").asInt()), List.copyOf(spots));
    }

    Set<String> creatives() {
        Set<String> creatives = new LinkedHashSet<>();
        spots.forEach(spot -> creatives.add(spot.creative()));
        return creatives;
    }

    private static String kind(String code, String mark) {
        CampaignKind kind = switch (code) {
            case "C" -> CampaignKind.COMMERCIAL;
            case "P" -> CampaignKind.PUBLIC_SERVICE;
            case "F" -> CampaignKind.FILLER;
            default -> throw new IllegalArgumentException("spot kind must be C, P or F, got " + code);
        };
        if (mark.isEmpty()) {
            return kind.name();
        }
        if (!mark.equals("M") || kind == CampaignKind.FILLER) {
            throw new IllegalArgumentException("a spot's mark is M, on a contracted spot, got " + mark + " on " + code);
        }
        return MAKE_GOOD;
    }
}
