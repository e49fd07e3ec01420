package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A proven bound: an hour so loose that the even-spacing construction certainly places every play inside its
 * share with the PSA share met ({@link HourSolver#constructionIsGoodEnough}), decided without running it. The
 * construction sweeps the slot grid placing, at each instant, the ready play of earliest share end (contracted
 * first, then in order); a play j is ready from its release r(j) and must start by its latest start e(j) (before
 * its share ends, inside its window, ending by its latest end). Before j is placed the sweep can only lose time to
 * the spot in progress when j becomes ready (under the longest spot D), to plays that outrank j, and, when j has an
 * exclusive category, to at most one spot and one free slot after each spot of its category. So j is placed in its
 * share when
 *
 * <pre>r(j) + (D − slot) + Σ{outranking i with r(i) ≤ e(j) and e(i) ≥ r(j)} d(i) + [category] (n(j) + 1) D ≤ e(j)</pre>
 *
 * with n(j) those outranking plays of j's category (D ≥ slot). Proof: docs/scheduling-model.md, "Loose hours"; LooseHourTest checks
 * it against the construction and the solver on thousands of seeded hours. Conservative: false means "not proven",
 * and the hour is placed as before.
 */
final class LooseHour {

    private LooseHour() {}

    /** Whether every play of {@code schedule} (built without a published plan) is proven placed in its share. */
    static boolean fits(HourSchedule schedule) {
        HourFrame frame = schedule.getFrame();
        List<SpotAssignment> spots = schedule.getSpots();
        int slot = frame.slotSeconds();
        int n = spots.size();
        int[] release = new int[n];
        int[] latestStart = new int[n];
        int longest = 0;
        long commercial = 0;
        long publicService = 0;
        for (int i = 0; i < n; i++) {
            SpotAssignment spot = spots.get(i);
            int seconds = spot.getRotationCreative().durationSeconds();
            if (seconds <= 0 || seconds % slot != 0 || spot.getPreviousStart() != null) {
                return false; // the sweep leaves the slot grid, or keeps published starts: not covered by the proof
            }
            longest = Math.max(longest, seconds);
            release[i] = EvenSpacingConstruction.Placement.release(spot, true, slot);
            latestStart[i] =
                    Math.min(Math.min(spot.getShareTo(), spot.getWindow().to()) - 1, spot.getLatestEnd() - seconds);
            if (release[i] < frame.onAir().from()) {
                return false;
            }
            commercial += spot.getKind() == CampaignKind.COMMERCIAL ? seconds : 0;
            publicService += spot.getKind() == CampaignKind.PUBLIC_SERVICE ? seconds : 0;
        }
        if (EvenSpacingConstruction.Placement.psaSecondsShort(frame.psaShare(), commercial, publicService) > 0) {
            return false;
        }
        return everyPlayInShare(spots, release, latestStart, longest, slot);
    }

    /**
     * Checks the inequality for every play, taking plays in the sweep's order of precedence, so that every play
     * outranking j is already proven to start by its own latest start: one that must start before j is ready
     * cannot take j's time (but as the spot in progress).
     */
    private static boolean everyPlayInShare(
            List<SpotAssignment> spots, int[] release, int[] latestStart, int longest, int slot) {
        Integer[] byRank = new Integer[spots.size()];
        Arrays.setAll(byRank, i -> i);
        Arrays.sort(
                byRank,
                Comparator.comparingInt((Integer i) -> spots.get(i).getShareTo())
                        .thenComparing(i -> !spots.get(i).isContracted())
                        .thenComparingInt(i -> i));
        for (int rank = 0; rank < byRank.length; rank++) {
            int j = byRank[rank];
            String category = spots.get(j).getCategory();
            long lost = Math.max(0, longest - slot);
            int ofCategory = 0;
            for (int before = 0; before < rank; before++) {
                int i = byRank[before];
                if (release[i] <= latestStart[j] && latestStart[i] >= release[j]) {
                    lost += spots.get(i).getRotationCreative().durationSeconds();
                    ofCategory += category.equals(spots.get(i).getCategory()) ? 1 : 0;
                }
            }
            if (!category.isEmpty()) {
                lost += (ofCategory + 1L) * longest;
            }
            if (latestStart[j] < 0 || release[j] + lost > latestStart[j]) {
                return false;
            }
        }
        return true;
    }
}
