package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One play the hour owes: the solver chooses when it starts and which of its campaign's creatives it shows. A play
 * left without a start is not on air; for a contracted play that is a shortfall the planner reports.
 */
@PlanningEntity
public class SpotAssignment {

    @PlanningId
    private int id;

    private String campaignId;
    private CampaignKind kind;
    private String category;
    private boolean contracted;
    private int precedence;
    private ScreenType screenType;
    private int slotSeconds;
    private PlayWindow window;
    private int latestEnd;
    private int shareFrom;
    private int shareTo;
    private CreativeChoice rotationCreative;
    private List<CreativeChoice> creatives;
    private Integer previousStart;
    private CreativeChoice previousCreative;

    @PlanningVariable(valueRangeProviderRefs = "starts", nullable = true)
    private Integer start;

    @PlanningVariable(valueRangeProviderRefs = "creatives")
    private CreativeChoice creative;

    /** For OptaPlanner's cloning. */
    SpotAssignment() {}

    SpotAssignment(
            int id,
            Demand demand,
            HourFrame frame,
            PlayWindow window,
            int latestEnd,
            int shareFrom,
            int shareTo,
            CreativeChoice rotationCreative) {
        this.id = id;
        this.campaignId = demand.campaignId();
        this.kind = demand.kind();
        this.category = demand.category();
        this.contracted = demand.contracted();
        this.precedence = demand.precedence();
        this.screenType = frame.screenType();
        this.slotSeconds = frame.slotSeconds();
        this.window = window;
        this.latestEnd = latestEnd;
        this.shareFrom = shareFrom;
        this.shareTo = shareTo;
        this.rotationCreative = rotationCreative;
        this.creatives = demand.creatives();
    }

    @ValueRangeProvider(id = "creatives")
    public List<CreativeChoice> getCreatives() {
        return creatives;
    }

    public int getId() {
        return id;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public CampaignKind getKind() {
        return kind;
    }

    public String getCategory() {
        return category;
    }

    public boolean hasCategory() {
        return !category.isEmpty();
    }

    public boolean isContracted() {
        return contracted;
    }

    /** Its campaign's place in the hour's yield order: a play of lower precedence yields first. */
    public int getPrecedence() {
        return precedence;
    }

    /** Whether a play starting at {@code second} takes time this play could have aired in. */
    public boolean couldHaveStartedAt(int second) {
        return second >= window.from() && second < window.to() && second < latestEnd;
    }

    public ScreenType getScreenType() {
        return screenType;
    }

    public PlayWindow getWindow() {
        return window;
    }

    /** Where this play must have ended: the end of the campaign's active time or of the screen's on-air time. */
    public int getLatestEnd() {
        return latestEnd;
    }

    /** The start of this play's equal share of its window (see {@link PlayWindow#shareStart(int)}). */
    public int getShareFrom() {
        return shareFrom;
    }

    /** The end (exclusive) of this play's equal share of its window. */
    public int getShareTo() {
        return shareTo;
    }

    public CreativeChoice getRotationCreative() {
        return rotationCreative;
    }

    public Integer getPreviousStart() {
        return previousStart;
    }

    public CreativeChoice getPreviousCreative() {
        return previousCreative;
    }

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    public CreativeChoice getCreative() {
        return creative;
    }

    public void setCreative(CreativeChoice creative) {
        this.creative = creative;
    }

    /** Seconds after the hour at which this play ends; only meaningful once it has a start. */
    public Integer getEnd() {
        return start == null ? null : start + creative.durationSeconds();
    }

    /** The slots this play covers, by their start second; {@code slotSeconds} apart. */
    public List<Integer> occupiedSlots() {
        List<Integer> slots = new java.util.ArrayList<>(creative.durationSeconds() / slotSeconds);
        for (int second = start; second < getEnd(); second += slotSeconds) {
            slots.add(second);
        }
        return slots;
    }

    public int durationSeconds() {
        return creative.durationSeconds();
    }

    /** Remembers where this play stood in the plan already published, so re-planning can keep it there. */
    SpotAssignment withPrevious(Integer previousStart, CreativeChoice previousCreative) {
        this.previousStart = previousStart;
        this.previousCreative = previousCreative;
        return this;
    }

    /** How many seconds the start lies outside this play's equal share of its window; 0 when inside. */
    public int secondsOutsideShare() {
        if (start == null) {
            return 0;
        }
        return start < shareFrom ? shareFrom - start : Math.max(0, start - (shareTo - 1));
    }

    public boolean startsInsideWindow() {
        return start != null && start >= window.from() && start < window.to() && getEnd() <= latestEnd;
    }

    public boolean touches(SpotAssignment other) {
        return start != null
                && other.start != null
                && (getEnd().intValue() == other.start.intValue()
                        || other.getEnd().intValue() == start.intValue());
    }

    public int commercialSeconds() {
        return start != null && kind == CampaignKind.COMMERCIAL ? creative.durationSeconds() : 0;
    }

    public int publicServiceSeconds() {
        return start != null && kind == CampaignKind.PUBLIC_SERVICE ? creative.durationSeconds() : 0;
    }

    @Override
    public String toString() {
        return campaignId + "#" + id + "@" + start;
    }
}
