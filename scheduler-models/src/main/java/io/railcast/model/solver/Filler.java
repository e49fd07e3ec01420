package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.time.SecondRange;
import java.util.List;

/**
 * Content that may fill time no play uses: a FILLER campaign, or a PSA without a guaranteed frequency.
 *
 * @param active   the part of the hour it may play in
 * @param rotation its creatives for this screen type, one weighted rotation cycle in order
 */
public record Filler(String campaignId, CampaignKind kind, SecondRange active, List<CreativeChoice> rotation) {

    public Filler {
        rotation = List.copyOf(rotation);
        if (rotation.isEmpty()) {
            throw new IllegalArgumentException("filler " + campaignId + " has no creative for this screen");
        }
    }
}
