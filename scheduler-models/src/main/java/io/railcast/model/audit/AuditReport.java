package io.railcast.model.audit;

import java.util.List;

/**
 * What an audit of a {@link io.railcast.model.schedule.NetworkSchedule} found. Counts are over screen-hours: a fault in
 * a plan that 5,000 screen-hours share counts 5,000 times, because 5,000 screens show it.
 *
 * <p>The hard figures, which a feasible schedule has at zero, are overlaps, windowFaults, contractedPlaysMissing,
 * separationFaults, creativeFaults, deadAirSeconds and unknownScreens; the rest are measures.
 *
 * @param screenHours            on-air screen-hours audited
 * @param distinctPlans          distinct plan objects in the schedule
 * @param overlaps               spots that overlap the spot before them, spots outside the on-air range, and
 *                               screen-hours that have a plan while off air
 * @param windowFaults           plays outside their campaign's active time or on a screen it does not target, and
 *                               plays beyond what a contracted window owes
 * @param contractedPlaysMissing plays a contracted window owes but does not have
 * @param separationFaults       back-to-back spots of one exclusive category, within an hour or across an hour's end
 * @param creativeFaults         spots whose creative is not in the campaign's rotation, is not made for the
 *                               screen's type, lasts other than the spot, or whose campaign is unknown
 * @param deadAirSeconds         on-air seconds no spot covers, summed over screen-hours
 * @param unknownScreens         screens the schedule plans but the network does not have
 * @param maxCumulativeDeviation the worst spacing of any contracted window that owes plays; evenly spaced plays
 *                               starting at the window's start come to 1; 0 when no window owes any
 * @param p99CumulativeDeviation the 99th percentile (nearest rank) of that, each screen-hour's window counted once
 * @param psaShareMin            the lowest PSA-to-commercial airtime ratio of any screen-day with commercial airtime;
 *                               1.0 when no screen-day has any, since then no floor can be missed
 * @param psaShareFaults         screen-days whose ratio is below the floor of their province; a regulatory measure
 *                               reported beside, not inside, {@link #isFeasible()}
 * @param rotationMaxError       the largest gap, over contracted campaigns, screen types and creatives, between a creative's
 *                               share of its campaign's plays on that type and its share of the weights of the
 *                               creatives made for that type; 0 when nothing plays
 * @param faults                 the first faults found, in words, at most the auditor's limit
 */
public record AuditReport(
        long screenHours,
        int distinctPlans,
        long overlaps,
        long windowFaults,
        long contractedPlaysMissing,
        long separationFaults,
        long creativeFaults,
        long deadAirSeconds,
        long unknownScreens,
        double maxCumulativeDeviation,
        double p99CumulativeDeviation,
        double psaShareMin,
        long psaShareFaults,
        double rotationMaxError,
        List<AuditFault> faults) {

    public AuditReport {
        faults = List.copyOf(faults);
    }

    /** Whether every hard figure is zero: the schedule plays every contracted play and nothing it must not. */
    public boolean isFeasible() {
        return overlaps == 0
                && windowFaults == 0
                && contractedPlaysMissing == 0
                && separationFaults == 0
                && creativeFaults == 0
                && deadAirSeconds == 0
                && unknownScreens == 0;
    }
}
