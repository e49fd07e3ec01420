package io.railcast.model.solver;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.CountableValueRange;
import org.optaplanner.core.api.domain.valuerange.ValueRangeFactory;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * One distinct hour as a planning problem: the plays it owes, each to be given a start on the slot grid and a
 * creative. The score has two hard levels (first the yield order, then the rules of a valid plan and the contracted
 * plays missing) and four soft levels in order of weight: even spacing, PSA share, creative rotation, stability.
 */
@PlanningSolution
public class HourSchedule {

    static final int HARD_LEVELS = 2;
    static final int SOFT_LEVELS = 4;

    @ProblemFactProperty
    private HourFrame frame;

    @PlanningEntityCollectionProperty
    private List<SpotAssignment> spots;

    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;

    /** For OptaPlanner's cloning. */
    HourSchedule() {}

    public HourSchedule(HourFrame frame, List<SpotAssignment> spots) {
        this.frame = frame;
        this.spots = spots;
    }

    /** Every slot boundary of the on-air time. */
    @ValueRangeProvider(id = "starts")
    public CountableValueRange<Integer> getStarts() {
        int slot = frame.slotSeconds();
        int first = (frame.onAir().from() + slot - 1) / slot * slot;
        return ValueRangeFactory.createIntValueRange(
                first, Math.max(first, frame.onAir().to()), slot);
    }

    public HourFrame getFrame() {
        return frame;
    }

    public List<SpotAssignment> getSpots() {
        return spots;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
