package io.railcast.model.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Builds an hour's plan that is already evenly spaced, so local search rarely has anything left to do.
 *
 * <p>Each play owns an equal share of its window; starting inside that share keeps the campaign's count within one
 * play of its ideal rate at every instant (a level schedule, Steiner and Yeomans 1993). Plays are released at the
 * middle of their share and placed earliest-deadline-first (deadline: the end of the share) on the slot grid, never
 * back to back with a spot of the same exclusive category. Plays already published keep their start when it still lies
 * in their share. If releasing at the middle leaves a play late or out, the hour is placed again releasing at the start of
 * each share, and the better of the two is kept.
 */
public class EvenSpacingConstruction implements CustomPhaseCommand<HourSchedule> {

    @Override
    public void changeWorkingSolution(ScoreDirector<HourSchedule> scoreDirector) {
        HourSchedule schedule = scoreDirector.getWorkingSolution();
        List<SpotAssignment> spots = schedule.getSpots();
        Placement chosen = best(schedule.getFrame(), spots);
        for (int i = 0; i < spots.size(); i++) {
            SpotAssignment spot = spots.get(i);
            scoreDirector.beforeVariableChanged(spot, "creative");
            spot.setCreative(spot.getRotationCreative());
            scoreDirector.afterVariableChanged(spot, "creative");
            scoreDirector.beforeVariableChanged(spot, "start");
            spot.setStart(chosen.starts[i]);
            scoreDirector.afterVariableChanged(spot, "start");
            scoreDirector.triggerVariableListeners();
        }
    }

    /** Places the hour releasing plays at the middle of their share, and again from its start if that did better. */
    static Placement best(HourFrame frame, List<SpotAssignment> spots) {
        Placement centred = new Placement(frame, spots, true);
        if (centred.faults() == 0) {
            return centred;
        }
        Placement early = new Placement(frame, spots, false);
        Placement chosen = early.faults() < centred.faults() ? early : centred;
        // Which plays deadlines squeeze out is no business rule: when contracted plays must go, they go in yield order.
        return chosen.placesEveryContractedPlay() ? chosen : YieldingPlacement.place(frame, spots);
    }

    /** One pass of earliest-deadline-first placement over the slot grid. */
    static final class Placement {
        private final HourFrame frame;
        private final List<SpotAssignment> spots;
        private final int slot;
        /** For each slot of the hour, the index of the spot on it, or -1. */
        private final int[] owner;

        /** Plays this placement does not place: those yielding their time to plays that outrank them. */
        private final boolean[] leftOut;

        final Integer[] starts;

        Placement(HourFrame frame, List<SpotAssignment> spots, boolean releaseAtMiddle) {
            this(frame, spots, releaseAtMiddle, new boolean[spots.size()]);
        }

        Placement(HourFrame frame, List<SpotAssignment> spots, boolean releaseAtMiddle, boolean[] leftOut) {
            this.frame = frame;
            this.spots = spots;
            this.slot = frame.slotSeconds();
            this.owner = new int[3600 / slot];
            java.util.Arrays.fill(owner, -1);
            this.starts = new Integer[spots.size()];
            this.leftOut = leftOut;
            keepPublishedStarts();
            placeTheRest(releaseAtMiddle);
        }

        /** Whether every contracted play not left out on purpose has a start. */
        boolean placesEveryContractedPlay() {
            for (int i = 0; i < spots.size(); i++) {
                if (starts[i] == null && !leftOut[i] && spots.get(i).isContracted()) {
                    return false;
                }
            }
            return true;
        }

        /** Places a play left out at the earliest start still free in its window that {@code allowed} accepts. */
        boolean placeInFreeTime(int index, java.util.function.IntPredicate allowed) {
            SpotAssignment spot = spots.get(index);
            for (int t = alignUp(spot.getWindow().from()); t < spot.getWindow().to(); t += slot) {
                if (inWindow(spot, t) && canPlace(index, t) && allowed.test(t)) {
                    place(index, t);
                    return true;
                }
            }
            return false;
        }

        private void keepPublishedStarts() {
            for (int i = 0; i < spots.size(); i++) {
                SpotAssignment spot = spots.get(i);
                Integer previous = spot.getPreviousStart();
                // A published start is kept only inside the play's own share: keeping one that has drifted out of it
                // (its campaign's count changed) would trade even spacing for stability, and spacing weighs more.
                if (previous != null
                        && !leftOut[i]
                        && previous >= spot.getShareFrom()
                        && previous < spot.getShareTo()
                        && inWindow(spot, previous)
                        && canPlace(i, previous)) {
                    place(i, previous);
                }
            }
        }

        private void placeTheRest(boolean releaseAtMiddle) {
            List<Integer> waiting = new ArrayList<>();
            int[] release = new int[spots.size()];
            for (int i = 0; i < spots.size(); i++) {
                if (starts[i] == null && !leftOut[i]) {
                    waiting.add(i);
                    release[i] = release(spots.get(i), releaseAtMiddle, slot);
                }
            }
            waiting.sort(Comparator.comparingInt((Integer i) -> release[i]).thenComparingInt(i -> i));
            PriorityQueue<Integer> ready = new PriorityQueue<>(
                    Comparator.comparingInt((Integer i) -> spots.get(i).getShareTo())
                            .thenComparing(i -> !spots.get(i).isContracted())
                            .thenComparingInt(i -> i));
            int next = 0;
            int t = alignUp(frame.onAir().from());
            List<Integer> skipped = new ArrayList<>();
            while ((next < waiting.size() || !ready.isEmpty())
                    && t < frame.onAir().to()) {
                while (next < waiting.size() && release[waiting.get(next)] <= t) {
                    ready.add(waiting.get(next++));
                }
                if (ready.isEmpty()) {
                    t = Math.max(t + slot, alignUp(release[waiting.get(next)]));
                    continue;
                }
                if (owner[t / slot] >= 0) {
                    int occupant = owner[t / slot];
                    t = starts[occupant]
                            + spots.get(occupant).getRotationCreative().durationSeconds();
                    continue;
                }
                Integer chosen = null;
                while (!ready.isEmpty()) {
                    int candidate = ready.poll();
                    SpotAssignment spot = spots.get(candidate);
                    if (t >= spot.getWindow().to() || t + duration(candidate) > spot.getLatestEnd()) {
                        continue; // can never fit any more: left out, and reported as a shortfall
                    }
                    if (canPlace(candidate, t)) {
                        chosen = candidate;
                        break;
                    }
                    skipped.add(candidate);
                }
                ready.addAll(skipped);
                skipped.clear();
                if (chosen == null) {
                    t += slot; // leave a slot for filler between two spots of one category, or before a kept spot
                } else {
                    place(chosen, t);
                    t += duration(chosen);
                }
            }
        }

        /** When a play becomes ready to place: at the middle of its share, or at its start, on the slot grid. */
        static int release(SpotAssignment spot, boolean atMiddle, int slot) {
            int shareStart = alignUp(spot.getShareFrom(), slot);
            if (!atMiddle) {
                return shareStart;
            }
            int middle = alignUp((spot.getShareFrom() + spot.getShareTo()) / 2 - duration(spot) / 2, slot);
            return middle < spot.getShareTo() && middle >= shareStart ? middle : shareStart;
        }

        private boolean inWindow(SpotAssignment spot, int start) {
            return start >= spot.getWindow().from()
                    && start < spot.getWindow().to()
                    && start + spot.getRotationCreative().durationSeconds() <= spot.getLatestEnd()
                    && start % slot == 0;
        }

        private boolean canPlace(int index, int start) {
            int end = start + duration(index);
            if (start < frame.onAir().from() || end > frame.onAir().to()) {
                return false;
            }
            for (int s = start / slot; s < end / slot; s++) {
                if (owner[s] >= 0) {
                    return false;
                }
            }
            String category = spots.get(index).getCategory();
            return category.isEmpty() || (!sameCategoryEndsAt(start, category) && !sameCategoryStartsAt(end, category));
        }

        private boolean sameCategoryEndsAt(int second, String category) {
            int before = second / slot - 1;
            return before >= 0
                    && owner[before] >= 0
                    && category.equals(spots.get(owner[before]).getCategory());
        }

        private boolean sameCategoryStartsAt(int second, String category) {
            int after = second / slot;
            return after < owner.length
                    && owner[after] >= 0
                    && starts[owner[after]] == second
                    && category.equals(spots.get(owner[after]).getCategory());
        }

        private void place(int index, int start) {
            starts[index] = start;
            for (int s = start / slot; s < (start + duration(index)) / slot; s++) {
                owner[s] = index;
            }
        }

        /**
         * PSA seconds short of the share owed. The construction does not add PSA plays; the demand already holds as
         * many as the share needs, so this is non-zero only when some were left out.
         */
        long psaSecondsShort() {
            long commercial = 0;
            long publicService = 0;
            for (int i = 0; i < spots.size(); i++) {
                if (starts[i] != null) {
                    int seconds = duration(i);
                    switch (spots.get(i).getKind()) {
                        case COMMERCIAL -> commercial += seconds;
                        case PUBLIC_SERVICE -> publicService += seconds;
                        default -> {}
                    }
                }
            }
            return psaSecondsShort(frame.psaShare(), commercial, publicService);
        }

        /** PSA seconds short of {@code share} of the commercial seconds placed, given the PSA seconds placed. */
        static long psaSecondsShort(double share, long commercial, long publicService) {
            return Math.max(0, (long) Math.ceil(share * commercial) - publicService);
        }

        /**
         * Moved plays: published plays that did not keep their start. The construction keeps each play's rotation
         * creative, so a published creative that differs counts as moved too.
         */
        long movedFromPublished() {
            long moved = 0;
            for (int i = 0; i < spots.size(); i++) {
                SpotAssignment spot = spots.get(i);
                if (spot.getPreviousStart() != null
                        && (!spot.getPreviousStart().equals(starts[i])
                                || !spot.getPreviousCreative().equals(spot.getRotationCreative()))) {
                    moved++;
                }
            }
            return moved;
        }

        /** Contracted plays left out, plus plays that start outside their equal share. */
        int faults() {
            int faults = 0;
            for (int i = 0; i < spots.size(); i++) {
                SpotAssignment spot = spots.get(i);
                if (starts[i] == null) {
                    faults += spot.isContracted() ? 1_000 : 1;
                } else if (starts[i] < spot.getShareFrom() || starts[i] >= spot.getShareTo()) {
                    faults++;
                }
            }
            return faults;
        }

        private int duration(int index) {
            return duration(spots.get(index));
        }

        private static int duration(SpotAssignment spot) {
            return spot.getRotationCreative().durationSeconds();
        }

        private int alignUp(int second) {
            return alignUp(second, slot);
        }

        static int alignUp(int second, int slot) {
            return (second + slot - 1) / slot * slot;
        }
    }
}
