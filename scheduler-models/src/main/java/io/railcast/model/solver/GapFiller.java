package io.railcast.model.solver;

import io.railcast.model.schedule.Spot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fills the time between planned plays with filler content so that no screen shows dead air: at each gap it takes
 * the next creative of a filler's rotation that fits what is left of the gap, and the longest one that fits when the
 * rotation's next one does not. Fillers take turns gap by gap; PSAs without a guaranteed frequency stand in where no
 * filler may play.
 *
 * <p>What fills a gap depends only on where the gap starts and ends, never on the gaps before it: when re-planning
 * moves one play, only the gaps around it change, not every gap after it.
 */
final class GapFiller {

    private final HourProblem problem;

    GapFiller(HourProblem problem) {
        this.problem = problem;
    }

    /** The planned spots (in time order) with every gap of the on-air time filled as far as the fillers allow. */
    List<Spot> fill(List<Spot> planned) {
        List<Spot> result = new ArrayList<>();
        int t = problem.onAir().from();
        for (Spot spot : planned) {
            fillGap(t, spot.offsetSeconds(), result);
            result.add(spot);
            t = spot.endSeconds();
        }
        fillGap(t, problem.onAir().to(), result);
        return result;
    }

    private void fillGap(int from, int to, List<Spot> into) {
        int t = from;
        int gapTurn = from / problem.slotSeconds();
        int[] rotationPosition = new int[problem.fillers().size()];
        java.util.Arrays.fill(rotationPosition, gapTurn);
        while (t < to) {
            Spot piece = piece(t, to, gapTurn, rotationPosition);
            if (piece == null) {
                t = nextSlot(t); // nothing fits here: this much stays dark and the auditor will say so
            } else {
                into.add(piece);
                t = piece.endSeconds();
            }
        }
    }

    private Spot piece(int t, int gapEnd, int gapTurn, int[] rotationPosition) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < problem.fillers().size(); i++) {
            if (problem.fillers().get(i).active().contains(t)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        // Fillers proper before PSAs: the list is ordered that way, so take turns only among the first kind present.
        var firstKind = problem.fillers().get(candidates.get(0)).kind();
        List<Integer> sameKind = candidates.stream().filter(i -> problem.fillers().get(i).kind() == firstKind).toList();
        int chosen = sameKind.get(Math.floorMod(gapTurn, sameKind.size()));
        for (int i : java.util.stream.Stream.concat(java.util.stream.Stream.of(chosen), candidates.stream()).toList()) {
            Filler filler = problem.fillers().get(i);
            int room = Math.min(gapEnd, filler.active().to()) - t;
            CreativeChoice creative = nextFitting(i, room, rotationPosition);
            if (creative != null) {
                return new Spot(t, creative.durationSeconds(), filler.campaignId(), creative.id(), filler.kind());
            }
        }
        return null;
    }

    private CreativeChoice nextFitting(int fillerIndex, int room, int[] rotationPosition) {
        List<CreativeChoice> rotation = problem.fillers().get(fillerIndex).rotation();
        CreativeChoice next = rotation.get(rotationPosition[fillerIndex] % rotation.size());
        if (next.durationSeconds() <= room) {
            rotationPosition[fillerIndex]++;
            return next;
        }
        return rotation.stream().filter(c -> c.durationSeconds() <= room)
                .max(Comparator.comparingInt(CreativeChoice::durationSeconds)).orElse(null);
    }

    private int nextSlot(int t) {
        return (t / problem.slotSeconds() + 1) * problem.slotSeconds();
    }
}
