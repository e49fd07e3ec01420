package io.railcast.model.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The construction of an hour whose contracted plays do not all fit: plays yield in the hour's yield order, lowest
 * precedence first and, within a campaign, its last play first. Plays nobody contracted (those of the PSA share)
 * yield before all of them: a missing contracted play weighs more than a missing share. It leaves out the fewest
 * contracted plays of that order for the rest to fit, then gives each play left out, highest precedence first, any
 * time still free in its window, except time a play that outranks it and stays out could have aired in, and last
 * gives the plays nobody contracted what time is left. So the result never breaks
 * {@link HourConstraints#playDroppedOutOfYieldOrder} and leaves no contracted play out for a share.
 */
final class YieldingPlacement {

    private YieldingPlacement() {}

    static EvenSpacingConstruction.Placement place(HourFrame frame, List<SpotAssignment> spots) {
        List<Integer> firstToYield = new ArrayList<>();
        List<Integer> uncontracted = new ArrayList<>();
        for (int i = 0; i < spots.size(); i++) {
            if (spots.get(i).isContracted()) {
                firstToYield.add(i);
            } else {
                uncontracted.add(i);
            }
        }
        firstToYield.sort(Comparator.comparingInt((Integer i) -> spots.get(i).getPrecedence())
                .thenComparing(Comparator.reverseOrder()));
        // Leaving out more plays makes the rest easier to place, so the fewest is found by bisection; where the greedy
        // placement is not monotone and bisection leaves out a play too many, the play gets free time back below.
        int low = uncontracted.isEmpty() ? 1 : 0;
        int high = firstToYield.size();
        EvenSpacingConstruction.Placement placement = null;
        while (low < high) {
            int middle = (low + high) >>> 1;
            EvenSpacingConstruction.Placement attempt = leavingOut(frame, spots, uncontracted, firstToYield, middle);
            if (attempt.placesEveryContractedPlay()) {
                high = middle;
                placement = attempt;
            } else {
                low = middle + 1;
            }
        }
        if (placement == null) {
            placement = leavingOut(frame, spots, uncontracted, firstToYield, high);
        }
        List<SpotAssignment> stayingOut = new ArrayList<>();
        for (int k = high - 1; k >= 0; k--) {
            int index = firstToYield.get(k);
            SpotAssignment spot = spots.get(index);
            boolean placed = placement.placeInFreeTime(
                    index,
                    start -> stayingOut.stream()
                            .noneMatch(out ->
                                    out.getPrecedence() > spot.getPrecedence() && out.couldHaveStartedAt(start)));
            if (!placed) {
                stayingOut.add(spot);
            }
        }
        for (int index : uncontracted) {
            placement.placeInFreeTime(index, start -> true);
        }
        return placement;
    }

    private static EvenSpacingConstruction.Placement leavingOut(
            HourFrame frame,
            List<SpotAssignment> spots,
            List<Integer> uncontracted,
            List<Integer> firstToYield,
            int count) {
        boolean[] leftOut = new boolean[spots.size()];
        for (int index : uncontracted) {
            leftOut[index] = true;
        }
        for (int k = 0; k < count; k++) {
            leftOut[firstToYield.get(k)] = true;
        }
        var centred = new EvenSpacingConstruction.Placement(frame, spots, true, leftOut);
        if (centred.placesEveryContractedPlay()) {
            return centred;
        }
        return new EvenSpacingConstruction.Placement(frame, spots, false, leftOut);
    }
}
