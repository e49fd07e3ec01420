package io.railcast.bench.plan;

import io.railcast.model.audit.AuditReport;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.NetworkSchedule;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code scripts/bench-plan --plan-only}: the figures of one plan of the network and, unless {@code --no-audit}, of
 * its audit, without the re-plans; what {@code --scale} runs on networks too large for the whole benchmark's
 * minutes.
 */
final class PlanOnly {

    private PlanOnly() {}

    static void report(
            Network network,
            List<Campaign> campaigns,
            BenchOptions options,
            PlanResult plan,
            long generateMillis,
            long planLiveHeapMb,
            LongSupplier peakHeapMb) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("stations", network.stations().size());
        figures.put("screens", network.screens().size());
        figures.put("campaigns", campaigns.size());
        figures.put("days", options.days());
        figures.put("screenHours", onAirScreenHours(plan.schedule()));
        figures.put("distinctHours", plan.distinctHours());
        figures.put("searchedHours", plan.searchedHours());
        figures.put("generateMillis", generateMillis);
        figures.put("planMillis", plan.millis());
        figures.put("planLiveHeapMb", planLiveHeapMb);
        figures.put("shortfalls", plan.schedule().shortfalls().size());
        if (!options.noAudit()) {
            long started = System.nanoTime();
            AuditReport audit = new ScheduleAuditor().audit(network, campaigns, PsaPolicy.DEFAULT, plan.schedule());
            figures.put("auditMillis", (System.nanoTime() - started) / 1_000_000);
            figures.put("auditFeasible", audit.isFeasible());
            figures.put("contractedPlaysMissing", audit.contractedPlaysMissing());
        }
        figures.put("peakHeapMb", peakHeapMb.getAsLong());
        PlanBenchmark.printTable(figures);
        System.out.println(PlanBenchmark.json(figures));
    }

    /** The screen-hours that have a plan (the on-air ones), counted without an audit. */
    private static long onAirScreenHours(NetworkSchedule schedule) {
        long count = 0;
        for (String screen : schedule.screenIds()) {
            for (LocalDate date : schedule.dates()) {
                for (int hour = 0; hour < 24; hour++) {
                    count += schedule.planFor(screen, date, hour).isPresent() ? 1 : 0;
                }
            }
        }
        return count;
    }
}
