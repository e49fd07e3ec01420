package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
        long priceCents) {

    /** Highest priority: the planner ranks campaigns of one kind by it, so a small scale is enough to rank. */
    static final int MAX_PRIORITY = 100;
    /** Highest contract value: 10 billion yuan, beyond any real contract and far within a long. */
    static final long MAX_PRICE_CENTS = 1_000_000_000_000L;
    /** Most creatives in one campaign's rotation. */
    static final int MAX_CREATIVES = 100;
    /** Flights lie within these years: a date outside them is a typing mistake, not a booking. */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2099;

    /** Only the kind, for deciding whether the caller may book it before anything else is looked at. */
    static @Nullable CampaignKind kindOf(CampaignPayload payload) {
        return kind(payload.kind(), new ArrayList<>());
    }

    /** Reads every field; refused as {@link CampaignRefusal.InvalidCampaign} listing all that are wrong. */
    static CampaignDraft read(CampaignPayload payload) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = payload.id() == null ? null : payload.id().strip();
        TextRules.checkCode("id", id, problems);
        texts(payload, problems);
        CampaignKind kind = kind(payload.kind(), problems);
        List<CampaignPayload.CreativeRef> creatives = creatives(payload.creatives(), problems);
        Targeting targeting = targeting(payload.targeting(), problems);
        FlightWindow flight = flight(payload.flight(), problems);
        DailyHours dailyHours = payload.dailyHours() == null
                ? DailyHours.ALL_DAY
                : parse("dailyHours", payload.dailyHours(), DailyHours::parse, problems);
        Frequency frequency = payload.frequency() == null
                ? null
                : parse("frequency", payload.frequency(), Frequency::parse, problems);
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
                price);
    }

    /**
     * Every text of the payload is text a screen, a database and a report can carry: bounded, no control characters.
     * Checked first, so that nothing below parses, echoes or looks up a text that cannot be right.
     */
    private static void texts(CampaignPayload payload, List<FieldProblem> problems) {
        TextRules.check("name", payload.name(), TextRules.NAME, problems);
        TextRules.check("owner", payload.owner(), TextRules.NAME, problems);
        TextRules.check("category", payload.category(), TextRules.NAME, problems);
        TextRules.check("kind", payload.kind(), TextRules.SHORT, problems);
        TextRules.check("dailyHours", payload.dailyHours(), TextRules.SHORT, problems);
        TextRules.check("frequency", payload.frequency(), TextRules.SHORT, problems);
        if (payload.flight() != null) {
            TextRules.check("flight.start", payload.flight().start(), TextRules.SHORT, problems);
            TextRules.check("flight.end", payload.flight().end(), TextRules.SHORT, problems);
        }
        CampaignPayload.TargetingPayload targeting = payload.targeting();
        if (targeting != null) {
            TextRules.checkAll("targeting.stations", targeting.stations(), TextRules.CODE, problems);
            TextRules.checkAll("targeting.provinces", targeting.provinces(), TextRules.NAME, problems);
            TextRules.checkAll("targeting.bureaus", targeting.bureaus(), TextRules.NAME, problems);
            TextRules.checkAll("targeting.tiers", targeting.tiers(), TextRules.SHORT, problems);
            TextRules.checkAll("targeting.screenTypes", targeting.screenTypes(), TextRules.SHORT, problems);
            TextRules.checkAll("targeting.zones", targeting.zones(), TextRules.NAME, problems);
        }
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

    private static @Nullable CampaignKind kind(@Nullable String text, List<FieldProblem> problems) {
        if (text != null) {
            try {
                return CampaignKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add(FieldProblem.of(
                "kind",
                "kind must be one of " + List.of(CampaignKind.values()) + ", got "
                        + (text == null ? "nothing" : TextRules.quote(text))));
        return null;
    }

    private static List<CampaignPayload.CreativeRef> creatives(
            @Nullable List<CampaignPayload.CreativeRef> refs, List<FieldProblem> problems) {
        if (refs == null || refs.isEmpty()) {
            problems.add(FieldProblem.of("creatives", "creatives must name at least one creative"));
            return List.of();
        }
        if (refs.size() > MAX_CREATIVES) {
            problems.add(FieldProblem.of(
                    "creatives", "creatives must name at most " + MAX_CREATIVES + " creatives, got " + refs.size()));
            return List.of();
        }
        List<CampaignPayload.CreativeRef> rotation = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            CampaignPayload.CreativeRef ref = refs.get(i);
            String field = "creatives[" + i + "]";
            if (ref == null || ref.id() == null || ref.id().isBlank()) {
                problems.add(FieldProblem.of(field + ".id", "id must name a creative"));
                continue;
            }
            if (!TextRules.checkCode(field + ".id", ref.id().strip(), problems)) {
                continue;
            }
            Integer first = seen.putIfAbsent(ref.id().strip(), i);
            if (first != null) {
                problems.add(FieldProblem.of(
                        field + ".id",
                        "creative " + ref.id() + " appears twice, first at" + " creatives[" + first
                                + "]; give it a greater weight instead"));
            }
            int weight = ref.weight() == null ? 1 : ref.weight();
            if (weight <= 0) {
                problems.add(FieldProblem.of(field + ".weight", "weight must be positive, got " + weight));
            }
            rotation.add(new CampaignPayload.CreativeRef(ref.id().strip(), weight));
        }
        return rotation;
    }

    private static Targeting targeting(
            CampaignPayload.@Nullable TargetingPayload payload, List<FieldProblem> problems) {
        if (payload == null) {
            return Targeting.NETWORK;
        }
        return new Targeting(
                texts(payload.stations()),
                texts(payload.provinces()),
                texts(payload.bureaus()),
                constants("targeting.tiers", payload.tiers(), Tier.class, problems),
                constants("targeting.screenTypes", payload.screenTypes(), ScreenType.class, problems),
                texts(payload.zones()));
    }

    private static @Nullable FlightWindow flight(
            CampaignPayload.@Nullable FlightPayload payload, List<FieldProblem> problems) {
        if (payload == null) {
            problems.add(FieldProblem.of(
                    "flight",
                    "flight is required: {\"start\": \"2026-11-24T06:00\","
                            + " \"end\": \"2026-12-01T00:00\"}, local to each station"));
            return null;
        }
        LocalDateTime start = dateTime("flight.start", payload.start(), problems);
        LocalDateTime end = dateTime("flight.end", payload.end(), problems);
        if (start == null || end == null) {
            return null;
        }
        if (!end.isAfter(start)) {
            problems.add(FieldProblem.of(
                    "flight.end", "flight.end (" + end + ") must be after flight.start (" + start + ")"));
            return null;
        }
        return parse("flight", payload, p -> new FlightWindow(start, end), problems);
    }

    private static @Nullable LocalDateTime dateTime(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of(field, field + " is required, a local date-time like 2026-11-24T06:00"));
            return null;
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(
                    field, field + " must be a local date-time like 2026-11-24T06:00, got " + TextRules.quote(text)));
            return null;
        }
        if (at.getYear() < FIRST_YEAR || at.getYear() > LAST_YEAR) {
            problems.add(FieldProblem.of(
                    field, field + " must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR + ", got " + at));
            return null;
        }
        return at;
    }

    private static <T, R> @Nullable R parse(String field, T value, Function<T, R> parser, List<FieldProblem> problems) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(FieldProblem.of(field, e.getMessage() == null ? field + " is not valid" : e.getMessage()));
            return null;
        }
    }

    private static Set<String> texts(@Nullable List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .forEach(set::add);
        }
        return set;
    }

    private static <E extends Enum<E>> Set<E> constants(
            String field, @Nullable List<String> values, Class<E> type, List<FieldProblem> problems) {
        Set<E> set = new LinkedHashSet<>();
        for (String value : texts(values)) {
            try {
                set.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of(
                        field,
                        field + " must be among " + List.of(type.getEnumConstants()) + ", got "
                                + TextRules.quote(value)));
            }
        }
        return set;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
