package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Creative;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes hour plans the way a planner hands them over: the spots that matter, and a filler in every second left
 * on air, so a plan is correct until a test breaks it.
 */
final class PlanSketch {

    private final SecondRange onAir;
    private final Campaign filler;
    private final List<Spot> spots = new ArrayList<>();

    private PlanSketch(SecondRange onAir, Campaign filler) {
        this.onAir = onAir;
        this.filler = filler;
    }

    /** @param filler a campaign whose first creative lasts one slot, to fill any gap with */
    static PlanSketch onAir(SecondRange onAir, Campaign filler) {
        return new PlanSketch(onAir, filler);
    }

    PlanSketch play(int offsetSeconds, Campaign campaign, Creative creative) {
        spots.add(spot(offsetSeconds, campaign, creative));
        return this;
    }

    PlanSketch play(int offsetSeconds, Campaign campaign) {
        return play(offsetSeconds, campaign, campaign.creatives().get(0).creative());
    }

    /** The spots as played, with filler in every gap of the on-air range. */
    HourPlan filled() {
        List<Spot> placed = new ArrayList<>(spots);
        placed.sort(Comparator.comparingInt(Spot::offsetSeconds));
        List<Spot> all = new ArrayList<>();
        int cursor = onAir.from();
        Creative slot = filler.creatives().get(0).creative();
        for (Spot spot : placed) {
            fill(all, cursor, spot.offsetSeconds(), slot);
            all.add(spot);
            cursor = spot.endSeconds();
        }
        fill(all, cursor, onAir.to(), slot);
        return new HourPlan(onAir, all);
    }

    private void fill(List<Spot> all, int from, int to, Creative slot) {
        if (to < from || (to - from) % slot.durationSeconds() != 0) {
            throw new IllegalStateException("cannot fill [" + from + "," + to + ") with " + slot.id());
        }
        for (int offset = from; offset < to; offset += slot.durationSeconds()) {
            all.add(spot(offset, filler, slot));
        }
    }

    static Spot spot(int offsetSeconds, Campaign campaign, Creative creative) {
        return new Spot(offsetSeconds, creative.durationSeconds(), campaign.id(), creative.id(), campaign.kind());
    }

    /** A copy of a plan with one spot more, wherever it lands. */
    static HourPlan with(HourPlan plan, Spot extra) {
        List<Spot> spots = new ArrayList<>(plan.spots());
        spots.add(extra);
        spots.sort(Comparator.comparingInt(Spot::offsetSeconds));
        return new HourPlan(plan.onAir(), spots);
    }

    /** A copy of a plan without the spots that match. */
    static HourPlan without(HourPlan plan, Predicate<Spot> gone) {
        return new HourPlan(
                plan.onAir(), plan.spots().stream().filter(gone.negate()).toList());
    }

    /** A copy of a plan with the spot at an offset replaced. */
    static HourPlan replacing(HourPlan plan, int offsetSeconds, Spot replacement) {
        return new HourPlan(
                plan.onAir(),
                plan.spots().stream()
                        .map(spot -> spot.offsetSeconds() == offsetSeconds ? replacement : spot)
                        .toList());
    }
}
