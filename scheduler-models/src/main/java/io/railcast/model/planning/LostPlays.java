package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contracted plays a change of the network makes impossible: on each screen it touches and each day, the plays
 * of each contracted campaign that the plan before the change places and the plan after it does not. Counting per
 * screen and day rather than per hour lets a campaign owed so many plays a day move them to the hours still on air
 * without counting them lost; plays the plan after the change cannot place anywhere that day are lost, whether the
 * screen is off air or its remaining hours are full.
 */
public final class LostPlays {

    private LostPlays() {}

    /**
     * The plays of one campaign made impossible.
     *
     * @param plays   how many, summed over screens and days
     * @param screens on how many screens
     * @param from    the first day that loses some
     * @param to      the last day that loses some
     */
    public record ForCampaign(String campaignId, long plays, int screens, LocalDate from, LocalDate to) {}

    /**
     * The contracted plays of {@code before} that {@code after} no longer places on {@code screenIds}, by campaign
     * id; both plans must cover the same days.
     */
    public static List<ForCampaign> between(PlanResult before, PlanResult after, Collection<String> screenIds) {
        Set<String> contracted = new HashSet<>();
        before.campaigns().stream().filter(Campaign::isContracted).forEach(c -> contracted.add(c.id()));
        Counter counter = new Counter(contracted);
        Map<String, Loss> losses = new TreeMap<>();
        NetworkSchedule old = before.schedule();
        for (String screen : screenIds) {
            for (LocalDate date : old.dates()) {
                Map<String, Integer> was = counter.day(old, screen, date);
                Map<String, Integer> is = counter.day(after.schedule(), screen, date);
                was.forEach((campaign, plays) -> {
                    int lost = plays - is.getOrDefault(campaign, 0);
                    if (lost > 0) {
                        losses.computeIfAbsent(campaign, id -> new Loss()).add(screen, date, lost);
                    }
                });
            }
        }
        List<ForCampaign> answer = new ArrayList<>();
        losses.forEach((campaign, loss) ->
                answer.add(new ForCampaign(campaign, loss.plays, loss.screens.size(), loss.from, loss.to)));
        return answer;
    }

    /** Counts contracted spots per campaign, once per shared hour plan. */
    private static final class Counter {

        private final Set<String> contracted;
        private final Map<HourPlan, Map<String, Integer>> byPlan = new IdentityHashMap<>();

        Counter(Set<String> contracted) {
            this.contracted = contracted;
        }

        Map<String, Integer> day(NetworkSchedule schedule, String screen, LocalDate date) {
            Map<String, Integer> plays = new HashMap<>();
            for (int hour = 0; hour < 24; hour++) {
                schedule.planFor(screen, date, hour)
                        .map(this::count)
                        .ifPresent(counts -> counts.forEach((id, n) -> plays.merge(id, n, Integer::sum)));
            }
            return plays;
        }

        private Map<String, Integer> count(HourPlan plan) {
            return byPlan.computeIfAbsent(plan, p -> {
                Map<String, Integer> counts = new HashMap<>();
                for (Spot spot : p.spots()) {
                    if (contracted.contains(spot.campaignId())) {
                        counts.merge(spot.campaignId(), 1, Integer::sum);
                    }
                }
                return counts;
            });
        }
    }

    private static final class Loss {
        private long plays;
        private final Set<String> screens = new HashSet<>();
        private LocalDate from;
        private LocalDate to;

        void add(String screen, LocalDate date, int lost) {
            plays += lost;
            screens.add(screen);
            from = (from == null || date.isBefore(from)) ? date : from;
            to = (to == null || date.isAfter(to)) ? date : to;
        }
    }
}
