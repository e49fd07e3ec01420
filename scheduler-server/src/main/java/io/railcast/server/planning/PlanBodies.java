package io.railcast.server.planning;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.MakeGood;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * An hour plan as the {@code hour_plan} table stores it: the canonical body
 * {@code {"onAir":{"from":0,"to":3600},"spots":[[offset,duration,"campaign","creative","C"|"P"|"F"],...]}}, compact,
 * in that order. A spot placed to make good
 * owed plays ({@link MakeGood}) names the campaign it makes good and has a sixth element, {@code "M"}:
 * {@code [offset,duration,"campaign","creative","C","M"]}; readers of the first five see an ordinary play of that
 * campaign. The id is the first 16 hex characters of the body's SHA-256 (UTF-8). Written by hand rather than
 * by the JSON mapper, so that no mapper setting can change an id.
 */
final class PlanBodies {

    static final int ID_LENGTH = 16;

    private PlanBodies() {}

    /**
     * A plan and its id; the body text only while it is at hand from computing the id. The planning service keeps
     * ids of the current plan's thousands of plans, not their texts (about 10 KB each): a text needed again (a plan
     * to store that was digested for an earlier, unpublished plan) is written again from the plan.
     */
    record Body(String id, HourPlan plan, @Nullable String digestedJson) {

        String json() {
            return digestedJson != null ? digestedJson : PlanBodies.json(plan);
        }
    }

    static Body of(HourPlan plan) {
        String json = json(plan);
        return new Body(digest(json), plan, json);
    }

    static String json(HourPlan plan) {
        StringBuilder json = new StringBuilder(32 + plan.spots().size() * 40);
        json.append("{\"onAir\":{\"from\":")
                .append(plan.onAir().from())
                .append(",\"to\":")
                .append(plan.onAir().to())
                .append("},\"spots\":[");
        for (int i = 0; i < plan.spots().size(); i++) {
            Spot spot = plan.spots().get(i);
            json.append(i == 0 ? "[" : ",[")
                    .append(spot.offsetSeconds())
                    .append(',')
                    .append(spot.durationSeconds())
                    .append(',');
            string(json, MakeGood.bookingOf(spot.campaignId())).append(',');
            string(json, spot.creativeId()).append(",\"").append(letter(spot.kind()));
            json.append(MakeGood.madeGoodFor(spot.campaignId()).isPresent() ? "\",\"M\"]" : "\"]");
        }
        return json.append("]}").toString();
    }

    static char letter(CampaignKind kind) {
        return switch (kind) {
            case COMMERCIAL -> 'C';
            case PUBLIC_SERVICE -> 'P';
            case FILLER -> 'F';
        };
    }

    static String digest(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, ID_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
