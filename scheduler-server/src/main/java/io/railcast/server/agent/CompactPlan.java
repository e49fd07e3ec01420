package io.railcast.server.agent;

import io.railcast.model.campaign.CampaignKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link PlanView} as {@link PlanCache} keeps it: one array per spot field and ids shared between plans, some
 * 17 bytes a spot instead of the 150 of a view's objects and the 100 of its JSON (a plan has up to 240 spots, the
 * demo network 20,000 plans). The view, and so its JSON, is made again for each schedule answer built, and answers
 * are kept ({@link ScheduleAnswers}), so that is once per screen and version. Immutable.
 */
final class CompactPlan {

    private static final CampaignKind[] KINDS = CampaignKind.values();

    private final int from;
    private final int to;
    private final int[] offsets;
    private final int[] durations;
    private final String[] campaigns;
    private final String[] creatives;
    private final byte[] kinds;
    private final Set<String> distinctCreatives;

    private CompactPlan(PlanView view) {
        this.from = view.onAir().from();
        this.to = view.onAir().to();
        int size = view.spots().size();
        this.offsets = new int[size];
        this.durations = new int[size];
        this.campaigns = new String[size];
        this.creatives = new String[size];
        this.kinds = new byte[size];
        for (int i = 0; i < size; i++) {
            PlanView.SpotView spot = view.spots().get(i);
            offsets[i] = spot.offset();
            durations[i] = spot.duration();
            // a few hundred campaigns and creatives recur in every plan: one string each
            campaigns[i] = spot.campaign().intern();
            creatives[i] = spot.creative().intern();
            kinds[i] = (byte) spot.kind().ordinal();
        }
        this.distinctCreatives = Set.copyOf(new LinkedHashSet<>(List.of(creatives)));
    }

    static CompactPlan of(PlanView view) {
        return new CompactPlan(view);
    }

    /** The plan as the protocol shows it. */
    PlanView view() {
        List<PlanView.SpotView> spots = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            spots.add(new PlanView.SpotView(offsets[i], durations[i], campaigns[i], creatives[i], KINDS[kinds[i]]));
        }
        return new PlanView(new PlanView.OnAir(from, to), List.copyOf(spots));
    }

    /**
     * About how many bytes of heap the plan takes: the five arrays (a reference, an int or a byte per spot) and
     * the set of its creatives; the strings themselves are shared by every plan.
     */
    int weightBytes() {
        int arrays = 5 * 16 + offsets.length * (4 + 4 + 4 + 4 + 1);
        return 48 + arrays + 16 + distinctCreatives.size() * 8;
    }

    /** The creatives the plan plays. */
    Set<String> creatives() {
        return distinctCreatives;
    }
}
