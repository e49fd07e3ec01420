package io.railcast.model.solver;

import io.railcast.model.schedule.HourPlan;
import java.util.Map;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * The plan made for one distinct hour, its score, and the contracted plays it could not place, per campaign.
 *
 * @param score          the hour's score; null for an overbooked hour, which is not searched or scored
 * @param searched       whether the hour needed local search after the construction
 * @param missingPlays   contracted plays left out, by campaign id
 * @param missingSeconds their airtime, by campaign id
 */
public record SolvedHour(
        HourPlan plan,
        BendableLongScore score,
        boolean searched,
        Map<String, Integer> missingPlays,
        Map<String, Integer> missingSeconds) {

    public SolvedHour {
        missingPlays = Map.copyOf(missingPlays);
        missingSeconds = Map.copyOf(missingSeconds);
    }

    public boolean isComplete() {
        return missingPlays.isEmpty();
    }
}
