package io.railcast.server.agent.plays;

import io.railcast.server.agent.schedule.PlanView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The spots of one hour plan, as proof of play is judged against them: offsets in time order, in parallel arrays
 * (a demo plan has some 400 spots and is judged against thousands of times; campaign and creative names are
 * interned, since a few hundred recur in every plan). Immutable, like the plan id names.
 */
record PlanSlots(int[] offsets, int[] durations, String[] campaigns, String[] creatives) {

    static PlanSlots of(PlanView view) {
        List<PlanView.SpotView> spots = view.spots().stream()
                .sorted(java.util.Comparator.comparingInt(PlanView.SpotView::offset))
                .toList();
        int n = spots.size();
        int[] offsets = new int[n];
        int[] durations = new int[n];
        String[] campaigns = new String[n];
        String[] creatives = new String[n];
        for (int i = 0; i < n; i++) {
            PlanView.SpotView spot = spots.get(i);
            offsets[i] = spot.offset();
            durations[i] = spot.duration();
            campaigns[i] = spot.campaign().intern();
            creatives[i] = spot.creative().intern();
        }
        return new PlanSlots(offsets, durations, campaigns, creatives);
    }

    /**
     * The offset in milliseconds of the next spot after the one running at {@code millis} (from the start of the
     * hour; negative: before it), if it is of {@code campaign}/{@code creative} and starts at most
     * {@code toleranceMillis} later; or null.
     */
    @Nullable
    Long nextStartWithin(long millis, long toleranceMillis, String campaign, String creative) {
        int next = lastStartingBy(millis) + 1;
        if (next >= offsets.length
                || offsets[next] * 1000L > millis + toleranceMillis
                || !campaigns[next].equals(campaign)
                || !creatives[next].equals(creative)) {
            return null;
        }
        return offsets[next] * 1000L;
    }

    /** The offset in milliseconds of the spot of {@code campaign}/{@code creative} running at {@code millis}, or null. */
    @Nullable
    Long startOfRunning(long millis, String campaign, String creative) {
        int i = lastStartingBy(millis);
        if (i < 0
                || millis >= (offsets[i] + (long) durations[i]) * 1000L
                || !campaigns[i].equals(campaign)
                || !creatives[i].equals(creative)) {
            return null;
        }
        return offsets[i] * 1000L;
    }

    /** About how many bytes of heap the plan takes (names are shared). */
    int weightBytes() {
        return 64 + offsets.length * (4 + 4 + 8 + 8);
    }

    /** The index of the last spot starting at or before {@code millis}; -1 if none. */
    private int lastStartingBy(long millis) {
        int low = 0;
        int high = offsets.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (offsets[mid] * 1000L <= millis) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
