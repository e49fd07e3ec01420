package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.time.DailyHours;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A campaign payload read field by field into domain values, every field at fault named (with the domain's own
 * messages where it has them), before the creatives are looked up: {@link #toCampaign} finishes it.
 */
record CampaignDraft(
        @Nullable String id,
        @Nullable String name,
        CampaignKind kind,
        String owner,
        String category,
        List<CampaignPayload.CreativeRef> creatives,
        Targeting targeting,
        FlightWindow flight,
        DailyHours dailyHours,
        Optional<Frequency> frequency,
        int priority,
        long priceCents,
        MakeGoodPolicy makeGoods) {

    /** Highest priority: the planner ranks campaigns of one kind by it, so a small scale is enough to rank. */
    static final int MAX_PRIORITY = 100;
    /** Highest contract value: 10 billion yuan, beyond any real contract and far within a long. */
    static final long MAX_PRICE_CENTS = 1_000_000_000_000L;

    /** Only the kind, for deciding whether the caller may book it before anything else is looked at. */
    static @Nullable CampaignKind kindOf(CampaignPayload payload) {
        return CampaignFields.kind(payload.kind(), new ArrayList<>());
    }

    /** Reads every field; refused as {@link CampaignRefusal.InvalidCampaign} listing all that are wrong. */
    static CampaignDraft read(CampaignPayload payload) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = payload.id() == null ? null : payload.id().strip();
        TextRules.checkCode("id", id, problems);
        CampaignFields.texts(payload, problems);
        CampaignKind kind = CampaignFields.kind(payload.kind(), problems);
        List<CampaignPayload.CreativeRef> creatives = CampaignFields.creatives(payload.creatives(), problems);
        Targeting targeting = CampaignFields.targeting(payload.targeting(), problems);
        FlightWindow flight = CampaignFields.flight(payload.flight(), problems);
        DailyHours dailyHours = payload.dailyHours() == null
                ? DailyHours.ALL_DAY
                : CampaignFields.parse("dailyHours", payload.dailyHours(), DailyHours::parse, problems);
        Frequency frequency = payload.frequency() == null
                ? null
                : CampaignFields.parse("frequency", payload.frequency(), Frequency::parse, problems);
        String category = payload.category() == null ? "" : payload.category().strip();
        if (kind == CampaignKind.COMMERCIAL && frequency == null && payload.frequency() == null) {
            problems.add(FieldProblem.of("frequency", "frequency is required for a commercial campaign, e.g. 12/h"));
        }
        if (kind == CampaignKind.FILLER && payload.frequency() != null) {
            problems.add(FieldProblem.of("frequency", "frequency: a filler has none, it fills what is left"));
        }
        if (kind == CampaignKind.FILLER && !category.isEmpty()) {
            problems.add(FieldProblem.of("category", "category: a filler belongs to no category"));
        }
        long price = payload.priceCents() == null ? 0 : payload.priceCents();
        if (price < 0 || price > MAX_PRICE_CENTS) {
            problems.add(FieldProblem.of(
                    "priceCents", "priceCents must be from 0 to " + MAX_PRICE_CENTS + ", got " + price));
        }
        int priority = payload.priority() == null ? 0 : payload.priority();
        if (priority < 0 || priority > MAX_PRIORITY) {
            problems.add(
                    FieldProblem.of("priority", "priority must be from 0 to " + MAX_PRIORITY + ", got " + priority));
        }
        MakeGoodPolicy makeGoods = MakeGoodPolicy.read(
                payload.makeGoods(), payload.makeGoodDays(), kind, payload.frequency() != null, problems);
        if (!problems.isEmpty()) {
            throw new CampaignRefusal.InvalidCampaign(problems);
        }
        return new CampaignDraft(
                id,
                blankToNull(payload.name()),
                kind,
                payload.owner() == null ? "" : payload.owner().strip(),
                category,
                creatives,
                targeting,
                flight,
                dailyHours,
                Optional.ofNullable(frequency),
                priority,
                price,
                makeGoods);
    }

    /** Every creative id of the rotation. */
    Set<String> creativeIds() {
        Set<String> ids = new LinkedHashSet<>();
        creatives.forEach(ref -> ids.add(ref.id()));
        return ids;
    }

    /** The domain campaign, with its creatives from {@code known}; refused naming each unknown one. */
    Campaign toCampaign(String campaignId, Map<String, Creative> known) {
        List<FieldProblem> problems = new ArrayList<>();
        List<WeightedCreative> rotation = new ArrayList<>();
        for (int i = 0; i < creatives.size(); i++) {
            CampaignPayload.CreativeRef ref = creatives.get(i);
            Creative creative = known.get(ref.id());
            if (creative == null) {
                problems.add(FieldProblem.of(
                        "creatives[" + i + "].id",
                        "creative " + ref.id() + " is not known;" + " upload it to /api/v1/creatives first"));
            } else {
                rotation.add(new WeightedCreative(creative, ref.weight()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CampaignRefusal.InvalidCampaign(problems);
        }
        try {
            return new Campaign(
                    campaignId,
                    name == null ? campaignId : name,
                    kind,
                    owner,
                    category,
                    rotation,
                    targeting,
                    flight,
                    dailyHours,
                    frequency,
                    priority,
                    priceCents);
        } catch (IllegalArgumentException | NullPointerException e) {
            // the checks above mirror the constructor's; this names what they missed
            String message = String.valueOf(e.getMessage()).replaceFirst("^campaign [^:]*: ", "");
            String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : null;
            throw new CampaignRefusal.InvalidCampaign(List.of(new FieldProblem(null, field, message)));
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
