package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Tier;
import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How {@link CampaignDraft} reads the fields of a campaign payload that need more than a parse: the texts' bounds,
 * the kind, the creatives' rotation, the targeting and the flight. Each reader adds what is wrong to the problems
 * it is given, naming the field, and answers what it could read (or null), so that every fault is listed at once.
 */
final class CampaignFields {

    /** Most creatives in one campaign's rotation. */
    static final int MAX_CREATIVES = 100;
    /** Flights lie within these years: a date outside them is a typing mistake, not a booking. */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2099;

    private CampaignFields() {}

    /**
     * Every text of the payload is text a screen, a database and a report can carry: bounded, no control characters.
     * Checked first, so that nothing below parses, echoes or looks up a text that cannot be right.
     */
    static void texts(CampaignPayload payload, List<FieldProblem> problems) {
        TextRules.check("name", payload.name(), TextRules.NAME, problems);
        TextRules.check("owner", payload.owner(), TextRules.NAME, problems);
        TextRules.check("category", payload.category(), TextRules.NAME, problems);
        TextRules.check("kind", payload.kind(), TextRules.SHORT, problems);
        TextRules.check("dailyHours", payload.dailyHours(), TextRules.SHORT, problems);
        TextRules.check("frequency", payload.frequency(), TextRules.SHORT, problems);
        TextRules.check("makeGoods", payload.makeGoods(), TextRules.SHORT, problems);
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

    static @Nullable CampaignKind kind(@Nullable String text, List<FieldProblem> problems) {
        CampaignKind kind = EnumText.parse(CampaignKind.class, text).orElse(null);
        if (kind == null) {
            problems.add(FieldProblem.of(
                    "kind",
                    "kind must be one of " + List.of(CampaignKind.values()) + ", got "
                            + (text == null ? "nothing" : TextRules.quote(text))));
        }
        return kind;
    }

    static List<CampaignPayload.CreativeRef> creatives(
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

    static Targeting targeting(CampaignPayload.@Nullable TargetingPayload payload, List<FieldProblem> problems) {
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

    static @Nullable FlightWindow flight(CampaignPayload.@Nullable FlightPayload payload, List<FieldProblem> problems) {
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
            EnumText.parse(type, value)
                    .ifPresentOrElse(
                            set::add,
                            () -> problems.add(FieldProblem.of(
                                    field,
                                    field + " must be among " + List.of(type.getEnumConstants()) + ", got "
                                            + TextRules.quote(value))));
        }
        return set;
    }

    /** {@code parser} applied to {@code value}, or null with its message as the field's problem. */
    static <T, R> @Nullable R parse(String field, T value, Function<T, R> parser, List<FieldProblem> problems) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(FieldProblem.of(field, e.getMessage() == null ? field + " is not valid" : e.getMessage()));
            return null;
        }
    }
}
