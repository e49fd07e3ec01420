package io.railcast.bench.plan;

import io.railcast.demo.DemoOptions;
import io.railcast.demo.DemoScenario;
import io.railcast.demo.NetworkGenerator;
import io.railcast.model.audit.AuditReport;
import io.railcast.model.audit.Churn;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.network.Network;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanProgress;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.solver.HourSolver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code scripts/bench-plan}: generates a network, plans it, audits the plan, re-plans after one regional booking
 * change and prints a table and a one-line JSON object of the figures.
 */
public final class PlanBenchmark {

    private PlanBenchmark() {}

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args);
        if (options == null) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        long started = System.nanoTime();
        DemoScenario scenario = NetworkGenerator.generate(new DemoOptions(
                options.seed(),
                options.stations(),
                options.screens(),
                options.campaigns(),
                options.firstDay(),
                options.days()));
        long generateMillis = (System.nanoTime() - started) / 1_000_000;
        Network network = scenario.network();
        List<Campaign> campaigns = scenario.campaigns();
        PsaPolicy psaPolicy = PsaPolicy.DEFAULT;
        NetworkPlanner planner = new NetworkPlanner(new HourSolver(), psaPolicy, options.threads());

        PlanResult plan = planner.plan(network, campaigns, options.firstDay(), options.days());
        long planLiveHeapMb = liveHeapMb();
        if (options.planOnly()) {
            PlanOnly.report(
                    network, campaigns, options, plan, generateMillis, planLiveHeapMb, PlanBenchmark::peakHeapMb);
            return;
        }
        ScheduleAuditor auditor = new ScheduleAuditor();
        started = System.nanoTime();
        AuditReport audit = auditor.audit(network, campaigns, psaPolicy, plan.schedule());
        long auditMillis = (System.nanoTime() - started) / 1_000_000;

        RegionalChange change = RegionalChange.pick(network, campaigns, options.firstDay());
        PlanResult replan =
                planner.replan(plan, change.campaigns(), Set.of(change.changed().id()));
        Churn churn = auditor.churn(plan.schedule(), replan.schedule());
        AuditReport replanAudit = auditor.audit(network, change.campaigns(), psaPolicy, replan.schedule());
        Set<String> targeted = change.targetedScreens(network);
        long changedOutsideTarget = replan.schedule().screenIds().stream()
                .filter(id -> !targeted.contains(id))
                .filter(id -> churnOf(auditor, plan, replan, id) > 0)
                .count();
        // the heap the plan and the re-plan took, as before the full re-plans below (which keep three more plans)
        long peakHeapMb = peakHeapMb();
        PublishedSpotsMoved replanMoved = PublishedSpotsMoved.between(
                plan.schedule(), replan.schedule(), change.changed().id());

        // The nightly re-plan after the booking: a full plan of the unchanged book, from the plan now published,
        // and what a plan from scratch would have moved instead; then the next day's plan from it.
        PlanResult full = planner.plan(
                network, change.campaigns(), options.firstDay(), options.days(), PlanProgress.NONE, replan);
        PublishedSpotsMoved fullMoved = PublishedSpotsMoved.between(replan.schedule(), full.schedule(), "");
        PlanResult scratch = planner.plan(network, change.campaigns(), options.firstDay(), options.days());
        PublishedSpotsMoved scratchMoved = PublishedSpotsMoved.between(replan.schedule(), scratch.schedule(), "");
        PlanResult nextDay = planner.plan(
                network, change.campaigns(), options.firstDay().plusDays(1), options.days(), PlanProgress.NONE, full);
        PublishedSpotsMoved nextDayMoved = PublishedSpotsMoved.between(full.schedule(), nextDay.schedule(), "");

        figures.put("stations", network.stations().size());
        figures.put("screens", network.screens().size());
        figures.put("campaigns", campaigns.size());
        figures.put("days", options.days());
        figures.put("screenHours", audit.screenHours());
        figures.put("distinctHours", plan.distinctHours());
        figures.put("searchedHours", plan.searchedHours());
        figures.put("generateMillis", generateMillis);
        figures.put("planMillis", plan.millis());
        figures.put("auditMillis", auditMillis);
        figures.put("peakHeapMb", peakHeapMb);
        figures.put("planLiveHeapMb", planLiveHeapMb);
        figures.put("shortfalls", plan.schedule().shortfalls().size());
        figures.put("contractedPlaysMissing", audit.contractedPlaysMissing());
        figures.put("overlaps", audit.overlaps());
        figures.put("windowFaults", audit.windowFaults());
        figures.put("separationFaults", audit.separationFaults());
        figures.put("creativeFaults", audit.creativeFaults());
        figures.put("deadAirSeconds", audit.deadAirSeconds());
        figures.put("maxCumulativeDeviation", round(audit.maxCumulativeDeviation()));
        figures.put("p99CumulativeDeviation", round(audit.p99CumulativeDeviation()));
        figures.put("psaShareMin", round(audit.psaShareMin()));
        figures.put("rotationMaxError", round(audit.rotationMaxError()));
        figures.put("replanCampaign", change.changed().id());
        figures.put("replanMillis", replan.millis());
        figures.put("replanSolvedHours", replan.solvedHours());
        figures.put("screensTargetedByChange", targeted.size());
        figures.put("screensChangedByReplan", churn.screensChanged());
        figures.put("screensChangedOutsideTarget", changedOutsideTarget);
        figures.put("spotsMovedByReplan", churn.spotsMoved());
        figures.put("commercialSpotsMovedByReplan", churn.commercialSpotsMoved());
        figures.put("changedCampaignSpotsMovedByReplan", replanMoved.ofChanged());
        figures.put("otherCommercialSpotsMovedByReplan", replanMoved.commercial() - replanMoved.ofChanged());
        figures.put("replanFeasible", replanAudit.isFeasible());
        figures.put("fullReplanMillis", full.millis());
        figures.put("fullReplanSolvedHours", full.solvedHours());
        figures.put("spotsMovedByFullReplan", fullMoved.all());
        figures.put("commercialSpotsMovedByFullReplan", fullMoved.commercial());
        figures.put("spotsMovedByPlanFromScratch", scratchMoved.all());
        figures.put("commercialSpotsMovedByPlanFromScratch", scratchMoved.commercial());
        figures.put("nextDayMillis", nextDay.millis());
        figures.put("nextDaySolvedHours", nextDay.solvedHours());
        figures.put("spotsMovedByNextDay", nextDayMoved.all());
        figures.put("peakHeapMbWithFullReplans", peakHeapMb());
        printTable(figures);
        audit.faults().stream().limit(10).forEach(fault -> System.out.println("fault: " + fault));
        System.out.println(json(figures));
    }

    private static long churnOf(ScheduleAuditor auditor, PlanResult before, PlanResult after, String screenId) {
        return before.schedule().dates().stream()
                .mapToLong(date -> {
                    long changed = 0;
                    for (int hour = 0; hour < 24; hour++) {
                        if (!before.schedule()
                                .planFor(screenId, date, hour)
                                .equals(after.schedule().planFor(screenId, date, hour))) {
                            changed++;
                        }
                    }
                    return changed;
                })
                .sum();
    }

    /** The heap in use after a full collection: what the plan just made (and the network) keep alive. */
    static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static void printTable(Map<String, Object> figures) {
        System.out.println("| figure | value |");
        System.out.println("|---|---:|");
        figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "| %s | %s |%n", name, value));
    }

    static String json(Map<String, Object> figures) {
        List<String> fields = new ArrayList<>();
        figures.forEach((name, value) -> fields.add(
                "\"" + name + "\":" + (value instanceof String text ? "\"" + text + "\"" : String.valueOf(value))));
        return "{" + String.join(",", fields) + "}";
    }

    /** One regional commercial booking raised by one play an hour: the change the benchmark re-plans for. */
    record RegionalChange(Campaign changed, List<Campaign> campaigns) {

        static RegionalChange pick(Network network, List<Campaign> campaigns, java.time.LocalDate firstDay) {
            Campaign regional = campaigns.stream()
                    .filter(c -> c.kind() == CampaignKind.COMMERCIAL
                            && !c.targeting().provinces().isEmpty()
                            && c.targeting().stations().isEmpty()
                            && c.frequency().orElseThrow() instanceof Frequency.PerPeriod p
                            && p.periodMinutes() == 60
                            && c.flight()
                                    .overlaps(
                                            firstDay.atStartOfDay(),
                                            firstDay.plusDays(1).atStartOfDay()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the generated mix has no regional hourly booking"));
            Frequency.PerPeriod before =
                    (Frequency.PerPeriod) regional.frequency().orElseThrow();
            Campaign changed = regional.withFrequency(new Frequency.PerPeriod(before.plays() + 1, 60));
            List<Campaign> after = campaigns.stream()
                    .map(c -> c.id().equals(changed.id()) ? changed : c)
                    .toList();
            return new RegionalChange(changed, after);
        }

        Set<String> targetedScreens(Network network) {
            Set<String> ids = new java.util.HashSet<>();
            network.screens().forEach(screen -> {
                if (changed.targeting().matches(network.stationOf(screen), screen)
                        && !changed.creativesFor(screen.type()).isEmpty()) {
                    ids.add(screen.id());
                }
            });
            return ids;
        }
    }
}
