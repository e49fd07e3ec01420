package io.railcast.model.schedule;

import io.railcast.model.campaign.CampaignKind;
import java.util.Objects;

/**
 * One spot in an hour plan: a creative of a campaign playing from {@code offsetSeconds} after the start of the
 * clock hour for {@code durationSeconds}.
 */
public record Spot(int offsetSeconds, int durationSeconds, String campaignId, String creativeId, CampaignKind kind) {

    public Spot {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(creativeId, "creativeId");
        Objects.requireNonNull(kind, "kind");
        if (offsetSeconds < 0 || durationSeconds <= 0) {
            throw new IllegalArgumentException("spot at " + offsetSeconds + " s lasting " + durationSeconds + " s");
        }
    }

    public int endSeconds() {
        return offsetSeconds + durationSeconds;
    }
}
