package io.railcast.bench.plan;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published spots that a new schedule moves, counted from the published side: a spot of a screen-hour is moved when
 * the new plan of that screen-hour has no spot of the same campaign and creative at the same offset and of the same
 * length (it plays elsewhere in the hour, or not at all). Matched one to one, over the screen-hours both cover.
 *
 * @param all            every moved spot
 * @param commercial     the moved commercial plays
 * @param ofChanged      the moved plays of the changed campaign (none when no campaign changed)
 */
record PublishedSpotsMoved(long all, long commercial, long ofChanged) {

    static PublishedSpotsMoved between(NetworkSchedule published, NetworkSchedule next, String changedCampaign) {
        Map<HourPlan, Map<HourPlan, long[]>> compared = new IdentityHashMap<>();
        List<LocalDate> dates =
                published.dates().stream().filter(next.dates()::contains).toList();
        long[] total = new long[3];
        for (String screenId : published.screenIds()) {
            for (LocalDate date : dates) {
                for (int hour = 0; hour < 24; hour++) {
                    Optional<HourPlan> before = published.planFor(screenId, date, hour);
                    if (before.isEmpty()) {
                        continue;
                    }
                    HourPlan after = next.planFor(screenId, date, hour).orElse(null);
                    long[] moved = compared.computeIfAbsent(before.get(), b -> new IdentityHashMap<>())
                            .computeIfAbsent(after, a -> moved(before.get(), a, changedCampaign));
                    for (int i = 0; i < total.length; i++) {
                        total[i] += moved[i];
                    }
                }
            }
        }
        return new PublishedSpotsMoved(total[0], total[1], total[2]);
    }

    private static long[] moved(HourPlan before, HourPlan after, String changedCampaign) {
        long[] moved = new long[3];
        if (before == after) {
            return moved;
        }
        Map<Spot, Integer> unmatched = new HashMap<>();
        if (after != null) {
            after.spots().forEach(spot -> unmatched.merge(spot, 1, Integer::sum));
        }
        for (Spot spot : before.spots()) {
            Integer left = unmatched.get(spot);
            if (left != null && left > 0) {
                unmatched.put(spot, left - 1);
                continue;
            }
            moved[0]++;
            moved[1] += spot.kind() == CampaignKind.COMMERCIAL ? 1 : 0;
            moved[2] += spot.campaignId().equals(changedCampaign) ? 1 : 0;
        }
        return moved;
    }
}
