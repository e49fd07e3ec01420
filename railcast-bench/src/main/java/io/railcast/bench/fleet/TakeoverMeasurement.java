package io.railcast.bench.fleet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The measured part of a {@code --takeover} run, once every agent plays the current version: starts a network-wide
 * emergency takeover as an operator, waits until every agent holds it (told by its {@code takeover} event, with no
 * schedule fetch), keeps it on screen for the hold, cancels it and waits until every agent is back on its schedule.
 * Both are timed per agent from the request that caused them being sent.
 */
final class TakeoverMeasurement {

    static final String NOTICE = "Fleet benchmark: emergency takeover test. Please follow the staff's instructions.";

    private TakeoverMeasurement() {}

    /** Takes over the fleet's {@code screens} and gives them back; returns the figures in the order reported. */
    static Map<String, Object> run(AdminApi api, FleetOptions options, Fleet fleet, List<String> screens)
            throws IOException, InterruptedException {
        FleetOptions.TakeoverMode mode = options.takeover();
        long eventsBefore = fleet.context().counters().takeoverEvents.sum();
        long sentAt = System.currentTimeMillis();
        Map<String, Object> started = api.startTakeover(mode.operator(), request(mode));
        long answeredAt = System.currentTimeMillis();
        String id = (String) started.get("id");
        FleetBenchmark.log("takeover " + id + " started, answered after " + (answeredAt - sentAt) + " ms");
        FleetBenchmark.await(
                () -> count(fleet, screens, agent -> agent.takeoverHeldAt(id)) == screens.size(),
                options.switchTimeout(),
                () -> "takeover: " + count(fleet, screens, agent -> agent.takeoverHeldAt(id)) + "/" + screens.size()
                        + " agents hold it; " + fleet.progress());
        LatencySummary reached = LatencySummary.of(since(fleet, screens, agent -> agent.takeoverHeldAt(id), sentAt));
        FleetBenchmark.log(reached.count() + "/" + screens.size() + " agents hold the takeover, p99 " + reached.p99()
                + " ms; cancelling it in " + mode.hold().toSeconds() + " s");

        Thread.sleep(mode.hold().toMillis()); // the takeover's time on screen, not a wait for anything
        long cancelSentAt = System.currentTimeMillis();
        api.cancelTakeover(mode.operator(), id);
        long cancelAnsweredAt = System.currentTimeMillis();
        FleetBenchmark.await(
                () -> count(fleet, screens, agent -> agent.backOnScheduleAt(id)) == screens.size(),
                options.switchTimeout(),
                () -> "cancellation: " + count(fleet, screens, agent -> agent.backOnScheduleAt(id)) + "/"
                        + screens.size() + " agents back on their schedule; " + fleet.progress());
        LatencySummary back =
                LatencySummary.of(since(fleet, screens, agent -> agent.backOnScheduleAt(id), cancelSentAt));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("takeover", mode.creative() == null ? "notice" : mode.creative());
        figures.put("takeoverReached", reached.count());
        figures.put("takeoverP50Millis", reached.p50());
        figures.put("takeoverP99Millis", reached.p99());
        figures.put("takeoverMaxMillis", reached.max());
        figures.put("takeoverAnswerMillis", answeredAt - sentAt);
        figures.put("backOnSchedule", back.count());
        figures.put("backOnScheduleP50Millis", back.p50());
        figures.put("backOnScheduleP99Millis", back.p99());
        figures.put("backOnScheduleMaxMillis", back.max());
        figures.put("cancelAnswerMillis", cancelAnsweredAt - cancelSentAt);
        figures.put("takeoverEvents", fleet.context().counters().takeoverEvents.sum() - eventsBefore);
        figures.put("agentsOnSchedule", fleet.adopted(fleet.newestVersion()));
        return figures;
    }

    /** A takeover of the whole network from now until cancelled: the creative asked for, or a notice. */
    static Map<String, Object> request(FleetOptions.TakeoverMode mode) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (mode.creative() != null) {
            request.put("creative", mode.creative());
        } else {
            request.put("notice", NOTICE);
        }
        request.put("target", Map.of("network", true));
        request.put("reason", "fleet benchmark");
        return request;
    }

    private static long count(Fleet fleet, List<String> screens, ToLongFunction<VirtualAgent> moment) {
        return screens.stream()
                .filter(id -> moment.applyAsLong(fleet.agent(id)) >= 0)
                .count();
    }

    private static long[] since(Fleet fleet, List<String> screens, ToLongFunction<VirtualAgent> moment, long start) {
        return screens.stream()
                .mapToLong(id -> moment.applyAsLong(fleet.agent(id)))
                .filter(at -> at >= 0)
                .map(at -> at - start)
                .toArray();
    }
}
