package io.railcast.model.audit;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts what changes between two schedules. A plan's content is its spots: where they start, how long they last,
 * and what plays; a screen-hour with no plan has no spots. Each pair of plans is compared once, however many
 * screen-hours move from one to the other.
 */
final class ChurnCount {

    /** What makes two spots the same spot, whatever order the plans list them in. */
    private record SpotKey(int offsetSeconds, int durationSeconds, String campaignId, String creativeId) {
        static SpotKey of(Spot spot) {
            return new SpotKey(spot.offsetSeconds(), spot.durationSeconds(), spot.campaignId(), spot.creativeId());
        }
    }

    /** How one plan compares to another: whether the content differs, and how many new spots it has. */
    private record Change(boolean differs, int spotsMoved, int commercialSpotsMoved) {
        static final Change NONE = new Change(false, 0, 0);
    }

    private final NetworkSchedule previous;
    private final NetworkSchedule next;
    private final Map<HourPlan, Integer> previousIndex = new IdentityHashMap<>();
    private final Map<HourPlan, Integer> nextIndex = new IdentityHashMap<>();
    private final Map<Long, Change> changes = new HashMap<>();

    ChurnCount(NetworkSchedule previous, NetworkSchedule next) {
        this.previous = previous;
        this.next = next;
        fill(previousIndex, previous);
        fill(nextIndex, next);
    }

    private static void fill(Map<HourPlan, Integer> index, NetworkSchedule schedule) {
        List<HourPlan> plans = schedule.distinctPlans();
        for (int i = 0; i < plans.size(); i++) {
            index.put(plans.get(i), i);
        }
    }

    Churn count() {
        Set<String> previousScreens = new HashSet<>(previous.screenIds());
        List<LocalDate> dates = new ArrayList<>(next.dates());
        dates.retainAll(new HashSet<>(previous.dates()));
        int screensChanged = 0;
        long screenHoursChanged = 0;
        long spotsMoved = 0;
        long commercialSpotsMoved = 0;
        for (String screenId : next.screenIds()) {
            if (!previousScreens.contains(screenId)) {
                continue;
            }
            long changedHere = 0;
            for (LocalDate date : dates) {
                for (int hour = 0; hour < 24; hour++) {
                    Change change = compare(previous.planFor(screenId, date, hour), next.planFor(screenId, date, hour));
                    changedHere += change.differs() ? 1 : 0;
                    spotsMoved += change.spotsMoved();
                    commercialSpotsMoved += change.commercialSpotsMoved();
                }
            }
            screensChanged += changedHere > 0 ? 1 : 0;
            screenHoursChanged += changedHere;
        }
        return new Churn(screensChanged, screenHoursChanged, spotsMoved, commercialSpotsMoved);
    }

    private Change compare(Optional<HourPlan> before, Optional<HourPlan> after) {
        if (before.isPresent() && after.isPresent() && before.get() == after.get()) {
            return Change.NONE;
        }
        // Index size stands for "no plan", so an absent plan is compared like any other.
        int b = before.map(previousIndex::get).orElse(previousIndex.size());
        int a = after.map(nextIndex::get).orElse(nextIndex.size());
        long key = (long) b << 32 | a;
        return changes.computeIfAbsent(key, k -> changeOf(spotsOf(before), spotsOf(after)));
    }

    private static List<Spot> spotsOf(Optional<HourPlan> plan) {
        return plan.map(HourPlan::spots).orElse(List.of());
    }

    /** Matches spots one to one, so a plan that doubles a spot has changed and its second copy has moved. */
    private static Change changeOf(List<Spot> before, List<Spot> after) {
        Map<SpotKey, Integer> unmatched = new HashMap<>();
        before.forEach(spot -> unmatched.merge(SpotKey.of(spot), 1, Integer::sum));
        int moved = 0;
        int commercialMoved = 0;
        for (Spot spot : after) {
            SpotKey key = SpotKey.of(spot);
            Integer count = unmatched.get(key);
            if (count == null) {
                moved++;
                commercialMoved += spot.kind() == CampaignKind.COMMERCIAL ? 1 : 0;
            } else if (count == 1) {
                unmatched.remove(key);
            } else {
                unmatched.put(key, count - 1);
            }
        }
        return new Change(moved > 0 || !unmatched.isEmpty(), moved, commercialMoved);
    }
}
