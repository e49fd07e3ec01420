package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import java.util.List;
import java.util.Objects;

/**
 * What one campaign asks of one hour: plays per window, ending by {@code activeTo}, the creative that the weighted
 * rotation gives each play (in play order), and the creatives it may choose from.
 *
 * @param contracted whether the plays are owed (commercial, or PSA with a guaranteed frequency) rather than used to
 *                   meet the PSA share
 * @param precedence the campaign's place in the hour's {@link io.railcast.model.campaign.YieldOrder}: when not every
 *                   contracted play fits, plays of a lower precedence yield first; distinct for each contracted
 *                   campaign of an hour, 0 for plays that meet the PSA share
 */
public record Demand(
        String campaignId,
        CampaignKind kind,
        String category,
        boolean contracted,
        List<PlayWindow> windows,
        int activeTo,
        List<CreativeChoice> rotation,
        List<CreativeChoice> creatives,
        int precedence) {

    /** A demand of precedence 0: the only contracted one of its hour, or one that meets the PSA share. */
    public Demand(
            String campaignId,
            CampaignKind kind,
            String category,
            boolean contracted,
            List<PlayWindow> windows,
            int activeTo,
            List<CreativeChoice> rotation,
            List<CreativeChoice> creatives) {
        this(campaignId, kind, category, contracted, windows, activeTo, rotation, creatives, 0);
    }

    public Demand {
        Objects.requireNonNull(campaignId, "campaignId");
        windows = List.copyOf(windows);
        rotation = List.copyOf(rotation);
        creatives = List.copyOf(creatives);
        int plays = 0;
        for (PlayWindow window : windows) { // loops, not streams: every demand of every distinct hour comes here
            plays += window.plays();
        }
        if (rotation.size() != plays) {
            throw new IllegalArgumentException("campaign " + campaignId + ": one rotation creative per play");
        }
    }

    public int plays() {
        return rotation.size();
    }

    public int airtimeSeconds() {
        int seconds = 0;
        for (CreativeChoice play : rotation) {
            seconds += play.durationSeconds();
        }
        return seconds;
    }

    public Demand withPrecedence(int newPrecedence) {
        return new Demand(
                campaignId, kind, category, contracted, windows, activeTo, rotation, creatives, newPrecedence);
    }
}
