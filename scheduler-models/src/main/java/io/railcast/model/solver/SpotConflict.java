package io.railcast.model.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** Why two plays cost score together: the campaigns and starts of both, and how much they clash. */
public record SpotConflict(
        String firstCampaign, Integer firstStart, String secondCampaign, Integer secondStart, long amount)
        implements ConstraintJustification {

    static SpotConflict of(SpotAssignment first, SpotAssignment second, long amount) {
        return new SpotConflict(
                first.getCampaignId(), first.getStart(), second.getCampaignId(), second.getStart(), amount);
    }
}
