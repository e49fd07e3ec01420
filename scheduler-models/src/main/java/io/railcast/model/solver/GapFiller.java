package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills the time between planned plays with filler content so that no screen shows dead air: at each gap it takes
 * the next creative of a filler's rotation that fits what is left of the gap, and the longest one that fits when the
 * rotation's next one does not. Fillers take turns gap by gap; PSAs without a guaranteed frequency stand in where no
 * filler may play.
 *
 * <p>What fills a gap depends only on where the gap starts and ends, never on the gaps before it: when re-planning
 * moves one play, only the gaps around it change, not every gap after it.
 *
 * <p>An hour may offer a hundred fillers and PSAs, and every distinct hour of the network is tiled, so the hour is
 * cut once into the stretches where the same ones may play; a piece then looks only at those, and a gap's rotation
 * positions are started lazily rather than copied for every filler.
 */
final class GapFiller {

    private final HourProblem problem;
    private final List<Filler> fillers;
    /** Stretch i of the hour is [starts[i], starts[i + 1]) (the last one runs to the end of the hour). */
    private final int[] starts;
    /** Per stretch: the fillers that may play there, in the problem's order. */
    private final int[][] mayPlay;
    /** Per stretch: those of them that take turns (the kind of the first that may play), in the problem's order. */
    private final int[][] takingTurns;
    /** Per filler: how far its rotation has gone in the gap {@link #started} says, unless that is another gap. */
    private final int[] position;

    private final int[] started;
    private int stretch;
    private int gap;
    private int gapTurn;

    GapFiller(HourProblem problem) {
        this.problem = problem;
        this.fillers = problem.fillers();
        this.starts = stretchStarts(fillers);
        this.mayPlay = new int[starts.length][];
        this.takingTurns = new int[starts.length][];
        for (int i = 0; i < starts.length; i++) {
            mayPlay[i] = mayPlayAt(starts[i]);
            takingTurns[i] = firstKindOf(mayPlay[i]);
        }
        this.position = new int[fillers.size()];
        this.started = new int[fillers.size()];
        Arrays.fill(started, -1);
    }

    /** The planned spots (in time order) with every gap of the on-air time filled as far as the fillers allow. */
    List<Spot> fill(List<Spot> planned) {
        List<Spot> result = new ArrayList<>(planned.size() * 2 + 16);
        stretch = 0;
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
        gap++;
        gapTurn = from / problem.slotSeconds();
        int t = from;
        while (t < to) {
            Spot piece = piece(t, to);
            if (piece == null) {
                t = nextSlot(t); // nothing fits here: this much stays dark and the auditor will say so
            } else {
                into.add(piece);
                t = piece.endSeconds();
            }
        }
    }

    /** The filler piece that starts at {@code t}, or null when nothing may play or fit there. */
    private Spot piece(int t, int gapEnd) {
        while (stretch + 1 < starts.length && starts[stretch + 1] <= t) {
            stretch++;
        }
        int[] turns = takingTurns[stretch];
        if (turns.length == 0) {
            return null;
        }
        int chosen = turns[Math.floorMod(gapTurn, turns.length)];
        Spot piece = pieceOf(chosen, t, gapEnd);
        for (int i : mayPlay[stretch]) {
            if (piece != null) {
                break;
            }
            if (i != chosen) {
                piece = pieceOf(i, t, gapEnd);
            }
        }
        return piece;
    }

    private Spot pieceOf(int fillerIndex, int t, int gapEnd) {
        Filler filler = fillers.get(fillerIndex);
        CreativeChoice creative =
                nextFitting(fillerIndex, Math.min(gapEnd, filler.active().to()) - t);
        return creative == null
                ? null
                : new Spot(t, creative.durationSeconds(), filler.campaignId(), creative.id(), filler.kind());
    }

    private CreativeChoice nextFitting(int fillerIndex, int room) {
        if (started[fillerIndex] != gap) {
            started[fillerIndex] = gap;
            position[fillerIndex] = gapTurn;
        }
        List<CreativeChoice> rotation = fillers.get(fillerIndex).rotation();
        CreativeChoice next = rotation.get(position[fillerIndex] % rotation.size());
        if (next.durationSeconds() <= room) {
            position[fillerIndex]++;
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

    /** 0 and every second where some filler starts or stops being allowed to play, in order. */
    private static int[] stretchStarts(List<Filler> fillers) {
        int[] edges = new int[fillers.size() * 2 + 1];
        int n = 0;
        edges[n++] = 0;
        for (Filler filler : fillers) {
            edges[n++] = filler.active().from();
            edges[n++] = filler.active().to();
        }
        return Arrays.stream(edges, 0, n)
                .filter(second -> second < SecondRange.HOUR)
                .sorted()
                .distinct()
                .toArray();
    }

    private int[] mayPlayAt(int second) {
        int[] indices = new int[fillers.size()];
        int n = 0;
        for (int i = 0; i < fillers.size(); i++) {
            if (fillers.get(i).active().contains(second)) {
                indices[n++] = i;
            }
        }
        return Arrays.copyOf(indices, n);
    }

    /** Fillers proper come before PSAs in the list, so turns are taken among the first kind that may play. */
    private int[] firstKindOf(int[] mayPlay) {
        if (mayPlay.length == 0) {
            return mayPlay;
        }
        CampaignKind firstKind = fillers.get(mayPlay[0]).kind();
        return Arrays.stream(mayPlay)
                .filter(i -> fillers.get(i).kind() == firstKind)
                .toArray();
    }
}
