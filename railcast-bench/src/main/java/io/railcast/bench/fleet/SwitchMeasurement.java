package io.railcast.bench.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The measured part of a fleet run, once every agent plays the current version: books an urgent campaign into one
 * province as the demo planner, waits until the agents of that province have adopted the new version, and reads from
 * the moments each agent recorded how long that took, counted from the version's publication (and from the request):
 * to the event, to the fetched schedule and to the switch; with what answering schedules cost the server meanwhile,
 * read from its metrics before the booking and after the switch.
 */
final class SwitchMeasurement {

    /** The server's count and total time of schedule answers made (what a publication costs it). */
    private static final String ANSWERS_BUILT = "railcast_agent_schedule_builds_seconds_count";

    private static final String ANSWER_SECONDS = "railcast_agent_schedule_builds_seconds_sum";

    private SwitchMeasurement() {}

    /**
     * Books into {@code province} and measures the switch of its {@code affected} screens, out of the fleet's
     * {@code screens}; returns the figures, from the booked version on, in the order they are reported.
     */
    static Map<String, Object> run(
            AdminApi api,
            FleetOptions options,
            Fleet fleet,
            List<String> screens,
            Set<String> affected,
            String province)
            throws IOException, InterruptedException {
        String suffix = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        String creative = "BENCH-" + suffix;
        api.uploadCreative(options.planner(), creative, 15, FleetBenchmark.png(suffix));
        String metricsBefore = prometheus(api, options);
        FleetCounters counters = fleet.context().counters();
        long bytesBefore = counters.scheduleBytes.sum() + counters.planBytes.sum();
        long plansBefore = counters.planFetches.sum();
        long sentAt = System.currentTimeMillis();
        Map<String, Object> booked = api.book(
                options.planner(),
                FleetBenchmark.campaign("C-BENCH-" + suffix, creative, province, options.changeHours()));
        long answeredAt = System.currentTimeMillis();
        long version = ((Number) booked.get("scheduleVersion")).longValue();
        // accepted = the version's commit, as the server recorded it (same machine, same clock)
        long bookedAt = Instant.parse((String) api.object(options.admin(), "/api/v1/versions/" + version)
                        .get("publishedAt"))
                .toEpochMilli();
        FleetBenchmark.log("booked C-BENCH-" + suffix + ": version " + version + " published " + (bookedAt - sentAt)
                + " ms after the request was sent, answered after " + (answeredAt - sentAt) + " ms");

        FleetBenchmark.await(
                () -> affected.stream().allMatch(id -> fleet.agent(id).adoptedAt(version) >= 0),
                options.switchTimeout(),
                () -> "switch: "
                        + affected.stream()
                                .filter(id -> fleet.agent(id).adoptedAt(version) >= 0)
                                .count() + "/" + affected.size() + "; "
                        + fleet.progress());
        String metricsAfter = prometheus(api, options);
        long switchBytes = counters.scheduleBytes.sum() + counters.planBytes.sum() - bytesBefore;
        long plansFetched = counters.planFetches.sum() - plansBefore;
        LatencySummary switchTimes =
                LatencySummary.of(since(fleet, affected, agent -> agent.adoptedAt(version), bookedAt));
        LatencySummary eventTimes =
                LatencySummary.of(since(fleet, affected, agent -> agent.heardAt(version), bookedAt));
        LatencySummary sentTimes = LatencySummary.of(
                since(fleet, affected, agent -> agent.moments().sentAt(version), bookedAt));
        LatencySummary answeredTimes = LatencySummary.of(
                since(fleet, affected, agent -> agent.moments().answeredAt(version), bookedAt));
        LatencySummary fetchTimes = LatencySummary.of(
                since(fleet, affected, agent -> agent.moments().fetchedAt(version), bookedAt));
        LatencySummary requestTimes =
                LatencySummary.of(since(fleet, affected, agent -> agent.adoptedAt(version), sentAt));
        long unaffectedNotified = screens.stream()
                .filter(id -> !affected.contains(id))
                .filter(id -> fleet.agent(id).heardAt(version) >= 0)
                .count();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("version", version);
        figures.put("affected", affected.size());
        figures.put("changeHours", options.changeHours());
        figures.put("switched", switchTimes.count());
        figures.put("p50Millis", switchTimes.p50());
        figures.put("p99Millis", switchTimes.p99());
        figures.put("maxMillis", switchTimes.max());
        figures.put("eventP50Millis", eventTimes.p50());
        figures.put("eventP99Millis", eventTimes.p99());
        figures.put("eventMaxMillis", eventTimes.max());
        // the steps in between: a fetch's turn at the fleet's gate, the server's answer, reading it with its plans
        figures.put("sentP50Millis", sentTimes.p50());
        figures.put("sentP99Millis", sentTimes.p99());
        figures.put("answeredP50Millis", answeredTimes.p50());
        figures.put("answeredP99Millis", answeredTimes.p99());
        figures.put("fetchP50Millis", fetchTimes.p50());
        figures.put("fetchP99Millis", fetchTimes.p99());
        figures.put("bookingToPublishMillis", bookedAt - sentAt);
        figures.put("bookingAnswerMillis", answeredAt - sentAt);
        figures.put("fromRequestP99Millis", requestTimes.p99());
        figures.put("unaffectedNotified", unaffectedNotified);
        // what the switch cost on the wire per affected screen: its schedule answer and the plans it lacked
        figures.put("bytesPerSwitch", affected.isEmpty() ? 0 : switchBytes / affected.size());
        figures.put("plansFetchedPerSwitch", affected.isEmpty() ? 0.0 : (double) plansFetched / affected.size());
        figures.put(
                "serverAnswersBuilt",
                Math.round(SseBench.gauge(metricsAfter, ANSWERS_BUILT) - SseBench.gauge(metricsBefore, ANSWERS_BUILT)));
        figures.put(
                "serverAnswerBuildMillis",
                Math.round(1000
                        * (SseBench.gauge(metricsAfter, ANSWER_SECONDS)
                                - SseBench.gauge(metricsBefore, ANSWER_SECONDS))));
        return figures;
    }

    /** For each of {@code screens} whose agent recorded the {@code moment}: the millis from {@code start} to it. */
    private static long[] since(Fleet fleet, Set<String> screens, ToLongFunction<VirtualAgent> moment, long start) {
        return screens.stream()
                .mapToLong(id -> moment.applyAsLong(fleet.agent(id)))
                .filter(at -> at >= 0)
                .map(at -> at - start)
                .toArray();
    }

    private static String prometheus(AdminApi api, FleetOptions options) throws IOException, InterruptedException {
        return new String(api.raw(options.admin(), "/actuator/prometheus"), StandardCharsets.UTF_8);
    }
}
