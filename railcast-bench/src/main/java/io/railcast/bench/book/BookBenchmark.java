package io.railcast.bench.book;

import io.railcast.bench.book.BookingRequests.Reach;
import io.railcast.bench.book.BookingRequests.Request;
import io.railcast.demo.DemoOptions;
import io.railcast.demo.DemoScenario;
import io.railcast.demo.NetworkGenerator;
import io.railcast.model.audit.AuditReport;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.planning.DecidedHours;
import io.railcast.model.planning.FlightCheck;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.solver.HourSolver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code scripts/bench-book}: (a) seeded booking requests over months, each checked for its whole flight by
 * {@link FlightCheck} with the quick planner, as the server checks a booking's days after its plan, and accepted when
 * it fits; (b) the accepted book planned by the full planner on sampled days (flight starts and ends among them) and
 * audited by the independent auditor; (c) the same requests through a per-screen-day airtime ledger, the peer, whose
 * acceptances are planned on the same days. Prints a table and a one-line JSON object.
 */
public final class BookBenchmark {

    private BookBenchmark() {}

    public static void main(String[] args) {
        BookOptions options = BookOptions.parse(args);
        if (options == null) {
            System.out.println(BookOptions.USAGE);
            return;
        }
        DemoScenario scenario = NetworkGenerator.generate(new DemoOptions(
                options.seed(), options.stations(), options.screens(), options.campaigns(), options.firstDay(), 7));
        Network network = scenario.network();
        List<Request> requests = BookingRequests.generate(
                network, options.seed(), options.requests(), options.firstDay(), options.months());
        NetworkPlanner quick = new NetworkPlanner(new HourSolver(1), PsaPolicy.DEFAULT, options.threads());
        // as the server checks: remembering every hour decided, in a ledger of the server's default capacity
        DecidedHours ledger = new DecidedHours(quick.decisionRevision(), 500_000, Clock.systemUTC());
        FlightCheck check = new FlightCheck(quick, ledger);
        AirtimeLedger peer = new AirtimeLedger(network, options.firstDay(), options.months() * 31 + 2);
        List<Campaign> accepted = new ArrayList<>(scenario.campaigns());
        List<Campaign> peerAccepted = new ArrayList<>(scenario.campaigns());
        scenario.campaigns().forEach(peer::book);
        Map<Reach, List<Long>> millis = new EnumMap<>(Reach.class);
        int peerFalseRefusals = 0;
        for (Request request : requests) {
            long started = System.nanoTime();
            boolean fits = check.check(network, accepted, request.campaign(), options.firstDay())
                    .isEmpty();
            millis.computeIfAbsent(request.reach(), r -> new ArrayList<>())
                    .add((System.nanoTime() - started) / 1_000_000);
            if (fits) {
                accepted.add(request.campaign());
            }
            if (peer.book(request.campaign())) {
                peerAccepted.add(request.campaign());
            } else if (fits) {
                peerFalseRefusals++;
            }
        }
        int acceptedRequests = accepted.size() - scenario.campaigns().size();
        int peerAcceptedRequests = peerAccepted.size() - scenario.campaigns().size();

        List<LongFlights.Timing> longFlights = new ArrayList<>();
        LongFlights.shapes(network, options)
                .forEach(shape -> longFlights.add(LongFlights.time(check, network, accepted, options, shape)));
        LedgerRebuild.Figures rebuilt = LedgerRebuild.rebuild(ledger);
        List<LongFlights.Shape> shapes = LongFlights.shapes(network, options);
        for (int i = 0; i < shapes.size(); i++) {
            LongFlights.Timing timing = longFlights.get(i);
            long restart = LongFlights.millis(new FlightCheck(quick), network, accepted, options, shapes.get(i));
            long fromLedger = LongFlights.millis(
                    new FlightCheck(quick, rebuilt.ledger()), network, accepted, options, shapes.get(i));
            longFlights.set(
                    i,
                    new LongFlights.Timing(
                            timing.name(), timing.millis(), timing.fits(), timing.warmMillis(), restart, fromLedger));
        }

        List<LocalDate> days = sampledDays(accepted.subList(scenario.campaigns().size(), accepted.size()), options);
        NetworkPlanner planner = new NetworkPlanner(new HourSolver(), PsaPolicy.DEFAULT, options.threads());
        ScheduleAuditor auditor = new ScheduleAuditor();
        long auditedMissing = 0;
        long requestPlaysMissing = 0;
        Set<String> peerBroken = new TreeSet<>();
        for (LocalDate day : days) {
            PlanResult plan = planner.plan(network, accepted, day, 1);
            AuditReport audit = auditor.audit(network, accepted, PsaPolicy.DEFAULT, plan.schedule());
            auditedMissing += audit.contractedPlaysMissing();
            requestPlaysMissing += requestPlaysMissing(plan.schedule().shortfalls());
            planner.plan(network, peerAccepted, day, 1).schedule().shortfalls().stream()
                    .map(Shortfall::campaignId)
                    .filter(id -> id.startsWith("REQ-"))
                    .forEach(peerBroken::add);
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", requests.size());
        figures.put("accepted", acceptedRequests);
        figures.put("refused", requests.size() - acceptedRequests);
        List<Long> all = millis.values().stream().flatMap(List::stream).toList();
        figures.put("checkMillisP50", percentile(all, 50));
        figures.put("checkMillisP99", percentile(all, 99));
        figures.put("checkMillisMax", percentile(all, 100));
        millis.forEach((reach, list) -> {
            String name = reach.name().toLowerCase(Locale.ROOT);
            figures.put(name + "Requests", list.size());
            figures.put(name + "CheckMillisP50", percentile(list, 50));
            figures.put(name + "CheckMillisMax", percentile(list, 100));
        });
        longFlights.forEach(timing -> {
            figures.put(timing.name() + "CheckMillis", timing.millis());
            figures.put(timing.name() + "Fits", timing.fits());
            figures.put(timing.name() + "WarmCheckMillis", timing.warmMillis());
            figures.put(timing.name() + "RestartCheckMillis", timing.restartMillis());
            figures.put(timing.name() + "RestartLedgerCheckMillis", timing.restartLedgerMillis());
        });
        figures.put("ledgerRows", rebuilt.rows());
        figures.put("ledgerBuildMillis", rebuilt.buildMillis());
        figures.put("ledgerHeapMb", rebuilt.heapMb());
        figures.put("peakHeapMb", peakHeapMb());
        figures.put("sampledDays", days.size());
        figures.put("contractedPlaysMissing", auditedMissing);
        figures.put("acceptedRequestPlaysMissing", requestPlaysMissing);
        figures.put("peerAccepted", peerAcceptedRequests);
        figures.put("peerBrokenPromises", peerBroken.size());
        figures.put("peerFalseRefusals", peerFalseRefusals);
        System.out.println("| figure | value |");
        System.out.println("|---|---:|");
        figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "| %s | %s |%n", name, value));
        System.out.println("sampled days: " + days);
        System.out.println(figures.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")));
    }

    /** Half the days where accepted flights start or end, the rest spread evenly over the months. */
    private static List<LocalDate> sampledDays(List<Campaign> accepted, BookOptions options) {
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        accepted.forEach(c -> {
            boundaries.add(c.flight().start().toLocalDate());
            boundaries.add(FlightCheck.lastDay(c));
        });
        TreeSet<LocalDate> days = new TreeSet<>();
        List<LocalDate> edges = new ArrayList<>(boundaries);
        int fromEdges = Math.min(edges.size(), options.sampledDays() / 2);
        for (int i = 0; i < fromEdges; i++) {
            days.add(edges.get((int) ((long) i * edges.size() / fromEdges)));
        }
        long span = options.firstDay().plusMonths(options.months()).toEpochDay()
                - options.firstDay().toEpochDay();
        for (int i = 0; days.size() < options.sampledDays() && i < options.sampledDays(); i++) {
            days.add(options.firstDay().plusDays(1 + span * i / options.sampledDays()));
        }
        return List.copyOf(days);
    }

    private static long requestPlaysMissing(List<Shortfall> shortfalls) {
        return shortfalls.stream()
                .filter(s -> s.campaignId().startsWith("REQ-"))
                .mapToLong(s -> (long) s.missingPlays() * s.screens())
                .sum();
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
