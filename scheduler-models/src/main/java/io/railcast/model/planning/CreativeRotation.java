package io.railcast.model.planning;

import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.solver.CreativeChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * One cycle of a campaign's weighted rotation, in smooth weighted round-robin order: weights 2:1 give A B A, not
 * A A B, so a creative's plays are spread as evenly as the campaign's.
 */
final class CreativeRotation {

    private CreativeRotation() {}

    static List<CreativeChoice> cycle(List<WeightedCreative> creatives) {
        int gcd = creatives.stream().mapToInt(WeightedCreative::weight).reduce(0, CreativeRotation::gcd);
        int total = creatives.stream().mapToInt(c -> c.weight() / gcd).sum();
        int[] current = new int[creatives.size()];
        List<CreativeChoice> cycle = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            int best = 0;
            for (int i = 0; i < creatives.size(); i++) {
                current[i] += creatives.get(i).weight() / gcd;
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            cycle.add(CreativeChoice.of(creatives.get(best).creative()));
        }
        return cycle;
    }

    /** Plays {@code from} to {@code from + count - 1} of the endless rotation. */
    static List<CreativeChoice> take(List<CreativeChoice> cycle, long from, int count) {
        List<CreativeChoice> plays = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            plays.add(cycle.get((int) Math.floorMod(from + p, (long) cycle.size())));
        }
        return plays;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
