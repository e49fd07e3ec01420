package io.railcast.model.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** Why one play costs score: which campaign's play, where it starts and by how much it misses its rule. */
public record SpotFault(String campaignId, Integer start, long amount) implements ConstraintJustification {

    static SpotFault of(SpotAssignment spot, long amount) {
        return new SpotFault(spot.getCampaignId(), spot.getStart(), amount);
    }
}
