package io.railcast.model.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;

import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/** The business rules of one hour's plan, hard first, then the soft ones in order of weight. */
public class HourConstraints implements ConstraintProvider {

    static final String SPOTS_OVERLAP = "Spots overlap";
    static final String CONTRACTED_PLAY_MISSING = "Contracted play missing";
    static final String PLAY_DROPPED_OUT_OF_YIELD_ORDER = "Play dropped out of yield order";
    static final String PLAY_OUTSIDE_ITS_WINDOW = "Play outside its window";
    static final String CREATIVE_NOT_MADE_FOR_SCREEN = "Creative not made for the screen";
    static final String SAME_CATEGORY_BACK_TO_BACK = "Same category back to back";
    static final String UNEVEN_SPACING = "Uneven spacing";
    static final String PSA_SHARE_BELOW_FLOOR = "PSA share below floor";
    static final String CREATIVE_OFF_ROTATION = "Creative off rotation";
    static final String MOVED_FROM_PUBLISHED_PLAN = "Moved from published plan";

    /** Above every other rule: no airtime saved or placement repaired can buy a play dropped out of yield order. */
    private static final BendableLongScore YIELD_ORDER = hard(0);
    /**
     * The rules of a valid plan and the plays missing share one level, priced in seconds and slots alike, so local
     * search can slide plays through an overlap to pack an hour; which plays go is settled one level up.
     */
    private static final BendableLongScore HARD = hard(1);

    private static final BendableLongScore SPACING = soft(0);
    private static final BendableLongScore PSA_SHARE = soft(1);
    private static final BendableLongScore ROTATION = soft(2);
    private static final BendableLongScore STABILITY = soft(3);

    private static BendableLongScore hard(int level) {
        return BendableLongScore.ofHard(HourSchedule.HARD_LEVELS, HourSchedule.SOFT_LEVELS, level, 1);
    }

    private static BendableLongScore soft(int level) {
        return BendableLongScore.ofSoft(HourSchedule.HARD_LEVELS, HourSchedule.SOFT_LEVELS, level, 1);
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            // Hard, level 1
            playDroppedOutOfYieldOrder(factory),
            // Hard, level 2
            spotsOverlap(factory),
            contractedPlayMissing(factory),
            playOutsideItsWindow(factory),
            creativeNotMadeForScreen(factory),
            sameCategoryBackToBack(factory),
            // Soft, in order of weight
            unevenSpacing(factory),
            psaShareBelowFloor(factory),
            creativeOffRotation(factory),
            movedFromPublishedPlan(factory)
        };
    }

    /** A screen shows one spot at a time: penalise every slot two spots share. */
    Constraint spotsOverlap(ConstraintFactory factory) {
        // Grouping by occupied slot costs a fifth of an interval join when OptaPlanner sets up an hour's score.
        return factory.forEach(SpotAssignment.class)
                .flattenLast(SpotAssignment::occupiedSlots)
                .groupBy(slot -> slot, count())
                .filter((slot, spots) -> spots > 1)
                .penalizeLong(HARD, (slot, spots) -> spots - 1L)
                .asConstraint(SPOTS_OVERLAP);
    }

    /**
     * When not every contracted play fits, plays yield in the stated order (lowest priority, then lowest price per
     * second, then latest booked): a dropped play never sees a contracted play of a campaign that yields before it
     * start in the time it could have aired in. Its own level above the other rules, so no airtime saved can buy
     * an exception, and spot length plays no part.
     */
    Constraint playDroppedOutOfYieldOrder(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SpotAssignment.class)
                .filter(spot -> spot.isContracted() && spot.getStart() == null)
                .ifExists(
                        SpotAssignment.class,
                        Joiners.greaterThan(SpotAssignment::getPrecedence, SpotAssignment::getPrecedence),
                        Joiners.filtering((dropped, airing) -> airing.isContracted()
                                && airing.getStart() != null // dropped too: it airs in no one's time
                                && dropped.couldHaveStartedAt(airing.getStart())))
                .penalizeLong(YIELD_ORDER, spot -> 1L)
                .justifyWith((spot, score) -> SpotFault.of(spot, 1L))
                .asConstraint(PLAY_DROPPED_OUT_OF_YIELD_ORDER);
    }

    /** Every owed play of a contract is on air; one left out costs its airtime. */
    Constraint contractedPlayMissing(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SpotAssignment.class)
                .filter(spot -> spot.isContracted() && spot.getStart() == null)
                .penalizeLong(HARD, spot -> spot.getRotationCreative().durationSeconds())
                .justifyWith((spot, score) ->
                        SpotFault.of(spot, spot.getRotationCreative().durationSeconds()))
                .asConstraint(CONTRACTED_PLAY_MISSING);
    }

    /** A play starts inside its period window and ends inside its campaign's active time and the on-air time. */
    Constraint playOutsideItsWindow(ConstraintFactory factory) {
        return factory.forEach(SpotAssignment.class)
                .filter(spot -> !spot.startsInsideWindow())
                .penalizeLong(HARD, spot -> spot.durationSeconds())
                .justifyWith((spot, score) -> SpotFault.of(spot, spot.durationSeconds()))
                .asConstraint(PLAY_OUTSIDE_ITS_WINDOW);
    }

    /** A creative plays only on the screen types it was made for. */
    Constraint creativeNotMadeForScreen(ConstraintFactory factory) {
        return factory.forEach(SpotAssignment.class)
                .filter(spot -> !spot.getCreative().isMadeFor(spot.getScreenType()))
                .penalizeLong(HARD, spot -> spot.durationSeconds())
                .justifyWith((spot, score) -> SpotFault.of(spot, spot.durationSeconds()))
                .asConstraint(CREATIVE_NOT_MADE_FOR_SCREEN);
    }

    /** Two spots of the same exclusive category (two car makers, two liquor brands) never play back to back. */
    Constraint sameCategoryBackToBack(ConstraintFactory factory) {
        return factory.forEach(SpotAssignment.class)
                .filter(SpotAssignment::hasCategory)
                .join(
                        SpotAssignment.class,
                        Joiners.equal(SpotAssignment::getEnd, SpotAssignment::getStart),
                        Joiners.equal(SpotAssignment::getCategory))
                .penalizeLong(HARD, (a, b) -> 1L)
                .justifyWith((a, b, score) -> SpotConflict.of(a, b, 1L))
                .asConstraint(SAME_CATEGORY_BACK_TO_BACK);
    }

    /**
     * Repeats are spread evenly: a play that starts inside its own equal share of its window keeps the campaign's
     * count so far within one play of the ideal rate. Penalise every second a play starts outside its share.
     */
    Constraint unevenSpacing(ConstraintFactory factory) {
        return factory.forEach(SpotAssignment.class)
                .filter(spot -> spot.secondsOutsideShare() > 0)
                .penalizeLong(SPACING, spot -> spot.secondsOutsideShare())
                .justifyWith((spot, score) -> SpotFault.of(spot, spot.secondsOutsideShare()))
                .asConstraint(UNEVEN_SPACING);
    }

    /** PSA airtime reaches the province's share of commercial airtime; penalise each second short. */
    Constraint psaShareBelowFloor(ConstraintFactory factory) {
        return factory.forEach(SpotAssignment.class)
                .groupBy(sum(SpotAssignment::commercialSeconds), sum(SpotAssignment::publicServiceSeconds))
                .join(HourFrame.class)
                .filter((commercial, psa, frame) -> psaSecondsShort(commercial, psa, frame) > 0)
                .penalizeLong(PSA_SHARE, HourConstraints::psaSecondsShort)
                .asConstraint(PSA_SHARE_BELOW_FLOOR);
    }

    /** Creatives of a campaign rotate by weight: each play shows the creative the weighted rotation gave it. */
    Constraint creativeOffRotation(ConstraintFactory factory) {
        return factory.forEach(SpotAssignment.class)
                .filter(spot -> !spot.getCreative().equals(spot.getRotationCreative()))
                .penalizeLong(ROTATION, spot -> 1L)
                .justifyWith((spot, score) -> SpotFault.of(spot, 1L))
                .asConstraint(CREATIVE_OFF_ROTATION);
    }

    /** When re-planning, a play already published stays where it was, with the same creative. */
    Constraint movedFromPublishedPlan(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SpotAssignment.class)
                .filter(spot -> spot.getPreviousStart() != null
                        && (!spot.getPreviousStart().equals(spot.getStart())
                                || !spot.getPreviousCreative().equals(spot.getCreative())))
                .penalizeLong(STABILITY, spot -> 1L)
                .justifyWith((spot, score) -> SpotFault.of(spot, 1L))
                .asConstraint(MOVED_FROM_PUBLISHED_PLAN);
    }

    private static long psaSecondsShort(int commercialSeconds, int psaSeconds, HourFrame frame) {
        return Math.max(0, (long) Math.ceil(frame.psaShare() * commercialSeconds) - psaSeconds);
    }
}
