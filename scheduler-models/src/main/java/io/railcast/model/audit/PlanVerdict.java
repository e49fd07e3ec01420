package io.railcast.model.audit;

import io.railcast.model.network.ScreenType;
import java.util.List;

/**
 * What one plan comes to in one {@link HourContext}: the fault counts and measures of a single screen-hour. An
 * audit multiplies them by the number of screen-hours that play the plan in that context.
 *
 * @param openingCategory the category of a spot starting at second 0, or empty
 * @param closingCategory the category of a spot ending at second 3600, or empty
 * @param deviations      the cumulative deviation of each contracted window that owes plays
 * @param plays           plays per creative, for the rotation check
 * @param findings        the faults in words, at most as many as an audit reports
 */
record PlanVerdict(
        int overlaps,
        int windowFaults,
        int playsMissing,
        int separationFaults,
        int creativeFaults,
        int deadAirSeconds,
        int psaSeconds,
        int commercialSeconds,
        String openingCategory,
        String closingCategory,
        List<Double> deviations,
        List<CreativePlays> plays,
        List<Finding> findings) {

    PlanVerdict {
        deviations = List.copyOf(deviations);
        plays = List.copyOf(plays);
        findings = List.copyOf(findings);
    }

    /** Plays of one creative (its position in the campaign's rotation) on one screen type. */
    record CreativePlays(int campaign, ScreenType type, int creative, int plays) {}
}
