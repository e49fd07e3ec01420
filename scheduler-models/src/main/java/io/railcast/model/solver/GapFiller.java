package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.schedule.Spot;
import java.util.ArrayList;
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

    /** The filler piece that starts at {@code t}, or null when nothing may play or fit there. */
    private Spot piece(int t, int gapEnd, int gapTurn, int[] rotationPosition) {
        // Fillers proper come before PSAs in the list, so take turns among the first kind that may play at t.
        List<Filler> fillers = problem.fillers();
        CampaignKind firstKind = null;
        int takingTurns = 0;
        for (Filler filler : fillers) {
            if (filler.active().contains(t) && (firstKind == null || filler.kind() == firstKind)) {
                firstKind = filler.kind();
                takingTurns++;
            }
        }
        if (takingTurns == 0) {
            return null;
        }
        int turn = Math.floorMod(gapTurn, takingTurns);
        int chosen = -1;
        for (int i = 0; i < fillers.size() && chosen < 0; i++) {
            if (fillers.get(i).active().contains(t) && fillers.get(i).kind() == firstKind && turn-- == 0) {
                chosen = i;
            }
        }
        Spot piece = pieceOf(chosen, t, gapEnd, rotationPosition);
        for (int i = 0; i < fillers.size() && piece == null; i++) {
            if (i != chosen && fillers.get(i).active().contains(t)) {
                piece = pieceOf(i, t, gapEnd, rotationPosition);
            }
        }
        return piece;
    }

    private Spot pieceOf(int fillerIndex, int t, int gapEnd, int[] rotationPosition) {
        Filler filler = problem.fillers().get(fillerIndex);
        CreativeChoice creative =
                nextFitting(fillerIndex, Math.min(gapEnd, filler.active().to()) - t, rotationPosition);
        return creative == null
                ? null
                : new Spot(t, creative.durationSeconds(), filler.campaignId(), creative.id(), filler.kind());
    }

    private CreativeChoice nextFitting(int fillerIndex, int room, int[] rotationPosition) {
        List<CreativeChoice> rotation = problem.fillers().get(fillerIndex).rotation();
        CreativeChoice next = rotation.get(rotationPosition[fillerIndex] % rotation.size());
        if (next.durationSeconds() <= room) {
            rotationPosition[fillerIndex]++;
            return next;
        }
        CreativeChoice longest = null;
        for (CreativeChoice creative : rotation) {
            if (creative.durationSeconds() <= room
                    && (longest == null || creative.durationSeconds() > longest.durationSeconds())) {
                longest = creative;
            }
        }
        return longest;
    }

    private int nextSlot(int t) {
        return (t / problem.slotSeconds() + 1) * problem.slotSeconds();
    }
}
