package io.railcast.model.solver;

import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an hour's problem into OptaPlanner's planning solution: one spot assignment per play owed. */
final class HourScheduleBuilder {

    private HourScheduleBuilder() {}

    static HourSchedule build(HourProblem problem, HourPlan published) {
        HourFrame frame =
                new HourFrame(problem.screenType(), problem.slotSeconds(), problem.onAir(), problem.psaShare());
        Map<String, List<Spot>> publishedByCampaign = published == null ? Map.of() : HourSolver.byCampaign(published);
        List<SpotAssignment> spots = new ArrayList<>();
        for (Demand demand : problem.demands()) {
            int latestEnd = Math.min(demand.activeTo(), problem.onAir().to());
            if (!demand.category().isEmpty()) {
                latestEnd = Math.min(latestEnd, problem.latestCategoryEnd());
            }
            List<Spot> before = publishedByCampaign.getOrDefault(demand.campaignId(), List.of());
            int play = 0;
            for (PlayWindow window : demand.windows()) {
                for (int k = 0; k < window.plays(); k++, play++) {
                    int shareFrom = (int) Math.ceil(window.shareStart(k));
                    int shareTo = (int) Math.ceil(window.shareStart(k + 1));
                    SpotAssignment spot = new SpotAssignment(
                            spots.size(),
                            demand,
                            frame,
                            window,
                            latestEnd,
                            shareFrom,
                            shareTo,
                            demand.rotation().get(play));
                    if (play < before.size()) {
                        Spot old = before.get(play);
                        demand.creatives().stream()
                                .filter(c -> c.id().equals(old.creativeId()))
                                .findFirst()
                                .ifPresent(creative -> spot.withPrevious(old.offsetSeconds(), creative));
                    }
                    spots.add(spot);
                }
            }
        }
        return new HourSchedule(frame, spots);
    }
}
