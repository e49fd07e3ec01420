package io.railcast.model.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up an audit: faults found screen-hour by screen-hour as the audit walks the schedule, and the verdicts of
 * shared plans times the screen-hours that play them once it is done.
 */
final class AuditTally {

    private final int faultLimit;
    private final List<AuditFault> faults = new ArrayList<>();
    private long offAirPlans;
    private long separationsAcrossHours;
    private long unknownScreens;
    private long psaShareFaults;
    private double psaShareMin = Double.POSITIVE_INFINITY;

    AuditTally(int faultLimit) {
        this.faultLimit = faultLimit;
    }

    private void fault(AuditFault fault) {
        if (faults.size() < faultLimit) {
            faults.add(fault);
        }
    }

    void unknownScreen(String screenId) {
        unknownScreens++;
        fault(new AuditFault(AuditFault.Kind.UNKNOWN_SCREEN, screenId, null, -1, "", "the network has no such screen"));
    }

    void offAirPlan(String screenId, LocalDate date, int hour) {
        offAirPlans++;
        fault(new AuditFault(
                AuditFault.Kind.OVERLAP, screenId, date, hour, "", "a plan for an hour the screen is off air"));
    }

    void separationAcrossHours(String screenId, LocalDate date, int hour, String category) {
        separationsAcrossHours++;
        fault(new AuditFault(
                AuditFault.Kind.SEPARATION,
                screenId,
                date,
                hour,
                "",
                "opens with category " + category + ", which also closed the hour before"));
    }

    /** Names the faults of a verdict at one of the screen-hours that play it; counting waits for the end. */
    void screenHour(PlanVerdict verdict, String screenId, LocalDate date, int hour) {
        for (int i = 0; i < verdict.findings().size() && faults.size() < faultLimit; i++) {
            faults.add(verdict.findings().get(i).at(screenId, date, hour));
        }
    }

    void screenDay(String screenId, LocalDate date, long psaSeconds, long commercialSeconds, double floor) {
        if (commercialSeconds == 0) {
            return;
        }
        double share = (double) psaSeconds / commercialSeconds;
        psaShareMin = Math.min(psaShareMin, share);
        // The tolerance keeps a share of exactly the floor from failing on 0.03 * 1000 = 30.000000000000004.
        if (psaSeconds < floor * commercialSeconds - 1e-6) {
            psaShareFaults++;
            fault(new AuditFault(
                    AuditFault.Kind.PSA_SHARE,
                    screenId,
                    date,
                    -1,
                    "",
                    psaSeconds + " s of PSA against " + commercialSeconds + " s commercial is a share of " + share
                            + ", below the floor of " + floor));
        }
    }

    AuditReport report(int distinctPlans, List<PlanVerdict> verdicts, long[] uses, CampaignBook book) {
        long screenHours = 0;
        long overlaps = offAirPlans;
        long windowFaults = 0;
        long missing = 0;
        long separation = separationsAcrossHours;
        long creative = 0;
        long deadAir = 0;
        double maxDeviation = 0;
        List<Double> deviations = new ArrayList<>();
        List<Long> deviationWeights = new ArrayList<>();
        for (int v = 0; v < verdicts.size(); v++) {
            PlanVerdict verdict = verdicts.get(v);
            long n = uses[v];
            screenHours += n;
            overlaps += n * verdict.overlaps();
            windowFaults += n * verdict.windowFaults();
            missing += n * verdict.playsMissing();
            separation += n * verdict.separationFaults();
            creative += n * verdict.creativeFaults();
            deadAir += n * verdict.deadAirSeconds();
            for (double deviation : verdict.deviations()) {
                maxDeviation = Math.max(maxDeviation, deviation);
                deviations.add(deviation);
                deviationWeights.add(n);
            }
        }
        double p99 = Spacing.percentile(
                deviations.stream().mapToDouble(Double::doubleValue).toArray(),
                deviationWeights.stream().mapToLong(Long::longValue).toArray(),
                0.99);
        double rotationError = RotationCheck.maxError(book, verdicts, uses);
        return new AuditReport(
                screenHours,
                distinctPlans,
                overlaps,
                windowFaults,
                missing,
                separation,
                creative,
                deadAir,
                unknownScreens,
                maxDeviation,
                p99,
                psaShareMin == Double.POSITIVE_INFINITY ? 1.0 : psaShareMin,
                psaShareFaults,
                rotationError,
                faults);
    }
}
