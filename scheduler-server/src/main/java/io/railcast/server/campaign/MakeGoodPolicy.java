package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether plays a campaign is owed (lost to shortfalls, takeovers or screens that did not play) are made good: placed
 * again inside its remaining flight ({@link Mode#ON}), not at all ({@link Mode#OFF}), or also on up to
 * {@code extendDays} days after its flight ({@link Mode#EXTEND}). Stored in the booking's body ({@code makeGoods},
 * {@code makeGoodDays}), which V17's generated columns {@code make_good_policy} and {@code make_good_days} read.
 *
 * @param extendDays the days the flight may be extended by, for {@link Mode#EXTEND} only (null otherwise)
 */
record MakeGoodPolicy(Mode mode, @Nullable Integer extendDays) {

    /** Longest extension: a quarter, as far as a make-good can sensibly trail its flight. */
    static final int MAX_EXTEND_DAYS = 92;

    enum Mode {
        ON,
        OFF,
        EXTEND
    }

    MakeGoodPolicy {
        if ((mode == Mode.EXTEND) != (extendDays != null)) {
            throw new IllegalArgumentException("extendDays is for EXTEND alone, got " + mode + " " + extendDays);
        }
    }

    /** Without a choice: commercial campaigns are made good, the rest are not. */
    static MakeGoodPolicy defaultFor(@Nullable CampaignKind kind) {
        return new MakeGoodPolicy(kind == CampaignKind.COMMERCIAL ? Mode.ON : Mode.OFF, null);
    }

    /**
     * Reads {@code makeGoods} and {@code makeGoodDays}; adds what is wrong to {@code problems}, naming the field, and
     * answers the policy (the default when nothing is wrong and nothing is chosen) or null.
     *
     * @param contracted whether the campaign has a frequency: without one nothing is owed, so only OFF makes sense
     */
    static @Nullable MakeGoodPolicy read(
            @Nullable String text,
            @Nullable Integer days,
            @Nullable CampaignKind kind,
            boolean contracted,
            List<FieldProblem> problems) {
        if (text == null) {
            if (days != null) {
                problems.add(FieldProblem.of("makeGoodDays", "makeGoodDays goes with makeGoods EXTEND only"));
                return null;
            }
            return contracted ? defaultFor(kind) : new MakeGoodPolicy(Mode.OFF, null);
        }
        Mode mode = EnumText.parse(Mode.class, text).orElse(null);
        if (mode == null) {
            problems.add(FieldProblem.of(
                    "makeGoods",
                    "makeGoods must be one of " + List.of(Mode.values()) + ", got " + TextRules.quote(text)));
            return null;
        }
        if (mode != Mode.OFF && !contracted) {
            problems.add(FieldProblem.of(
                    "makeGoods",
                    "makeGoods must be OFF for a campaign without a frequency: it is owed no plays, got " + mode));
            return null;
        }
        if (mode != Mode.EXTEND) {
            if (days != null) {
                problems.add(FieldProblem.of(
                        "makeGoodDays", "makeGoodDays goes with makeGoods EXTEND only, got makeGoods " + mode));
                return null;
            }
            return new MakeGoodPolicy(mode, null);
        }
        if (days == null || days < 1 || days > MAX_EXTEND_DAYS) {
            problems.add(FieldProblem.of(
                    "makeGoodDays",
                    "makeGoodDays must be from 1 to " + MAX_EXTEND_DAYS
                            + " with makeGoods EXTEND (the days the flight may be extended by), got "
                            + (days == null ? "nothing" : days)));
            return null;
        }
        return new MakeGoodPolicy(mode, days);
    }
}
