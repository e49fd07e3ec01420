package io.railcast.server.takeover;

import io.railcast.model.network.ScreenType;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A takeover as {@code POST /api/v1/takeovers} takes it.
 *
 * @param creative the id of a stored creative to show, or
 * @param notice   a short text (at most {@value #NOTICE_MAX} characters) the agents show on a plain background
 * @param target   which screens; see {@link TakeoverTarget}
 * @param from     when it starts, an ISO-8601 instant with offset; now when absent
 * @param until    when it ends; absent: until cancelled
 * @param reason   why, for the history; "emergency takeover" when absent
 */
record TakeoverRequest(
        @Nullable String creative,
        @Nullable String notice,
        @Nullable Target target,
        @Nullable String from,
        @Nullable String until,
        @Nullable String reason) {

    static final int NOTICE_MAX = 280;
    static final String DEFAULT_REASON = "emergency takeover";
    /** How far in the past {@code from} may be: a clock a little behind the server's is not an error. */
    private static final Duration PAST_SLACK = Duration.ofMinutes(1);

    /** The target as the API takes it: {@code network: true}, or any of the lists (combined: all must match). */
    record Target(
            @Nullable Boolean network,
            @Nullable List<String> stations,
            @Nullable List<String> provinces,
            @Nullable List<String> zones,
            @Nullable List<String> screenTypes) {}

    /** A new takeover checked field by field (not yet against what is stored), or the problems of each field. */
    @Nullable
    NewTakeover check(Instant now, Duration maxLength, List<FieldProblem> problems) {
        List<FieldProblem> found = new ArrayList<>();
        boolean hasCreative = creative != null && !creative.isBlank();
        boolean hasNotice = notice != null && !notice.isBlank();
        if (hasCreative == hasNotice) {
            found.add(FieldProblem.of("creative", "give exactly one of creative (a stored creative's id) or notice"));
        }
        if (hasCreative) {
            TextRules.checkCode("creative", creative, found);
        }
        if (hasNotice) {
            TextRules.check("notice", notice.strip(), NOTICE_MAX, found);
        }
        TextRules.check("reason", reason, TextRules.NAME, found);
        TakeoverTarget checkedTarget = target(found);
        Instant start = from == null || from.isBlank() ? now : instant("from", from, found);
        Instant end = until == null || until.isBlank() ? null : instant("until", until, found);
        if (start != null && start.isBefore(now.minus(PAST_SLACK))) {
            found.add(FieldProblem.of("from", "from must not be in the past, got " + start));
        } else if (start != null && start.isAfter(now.plus(maxLength))) {
            found.add(FieldProblem.of("from", "from must be within " + maxLength.toDays() + " days, got " + start));
        }
        if (start != null && end != null && !end.isAfter(start)) {
            found.add(FieldProblem.of("until", "until must be after from (" + start + "), got " + end));
        } else if (start != null && end != null && end.isAfter(start.plus(maxLength))) {
            found.add(FieldProblem.of(
                    "until",
                    "a takeover may last at most " + maxLength.toDays() + " days; leave until out to"
                            + " run it until cancelled"));
        }
        problems.addAll(found);
        if (!found.isEmpty()) {
            return null;
        }
        return new NewTakeover(
                hasCreative ? creative.strip() : null,
                hasNotice ? notice.strip() : null,
                checkedTarget,
                start,
                end,
                reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip());
    }

    private @Nullable TakeoverTarget target(List<FieldProblem> found) {
        if (target == null) {
            found.add(FieldProblem.of(
                    "target",
                    "target is required: network: true, or stations, provinces," + " zones and/or screenTypes"));
            return null;
        }
        boolean network = Boolean.TRUE.equals(target.network());
        List<String> stations = listOrEmpty(target.stations());
        List<String> provinces = listOrEmpty(target.provinces());
        List<String> zones = listOrEmpty(target.zones());
        List<String> screenTypes = listOrEmpty(target.screenTypes());
        int problemsBefore = found.size();
        if (!tooMany("target.stations", stations, found)) {
            for (int i = 0; i < stations.size(); i++) {
                TextRules.checkCode("target.stations[" + i + "]", stations.get(i), found);
            }
        }
        TextRules.checkAll("target.provinces", provinces, TextRules.NAME, found);
        TextRules.checkAll("target.zones", zones, TextRules.NAME, found);
        if (!tooMany("target.screenTypes", screenTypes, found)) {
            for (int i = 0; i < screenTypes.size(); i++) {
                if (!isScreenType(screenTypes.get(i))) {
                    found.add(FieldProblem.of(
                            "target.screenTypes[" + i + "]",
                            "target.screenTypes[" + i + "] must be one of " + List.of(ScreenType.values()) + ", got "
                                    + TextRules.quote(screenTypes.get(i))));
                }
            }
        }
        boolean narrowed = !(stations.isEmpty() && provinces.isEmpty() && zones.isEmpty() && screenTypes.isEmpty());
        if (network == narrowed) {
            found.add(FieldProblem.of(
                    "target",
                    network
                            ? "target.network: true covers every screen; leave out stations, provinces, zones and"
                                    + " screenTypes"
                            : "target must name stations, provinces, zones or screenTypes, or be network: true"));
        }
        return found.size() > problemsBefore
                ? null
                : new TakeoverTarget(network, stations, provinces, zones, screenTypes);
    }

    private static boolean tooMany(String field, List<String> values, List<FieldProblem> found) {
        if (values.size() <= TextRules.ITEMS) {
            return false;
        }
        found.add(FieldProblem.of(
                field, field + " must have at most " + TextRules.ITEMS + " entries, got " + values.size()));
        return true;
    }

    private static boolean isScreenType(String value) {
        for (ScreenType type : ScreenType.values()) {
            if (type.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> listOrEmpty(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(v -> v == null ? "" : v.strip()).toList();
    }

    private static @Nullable Instant instant(String field, String text, List<FieldProblem> problems) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(
                    field,
                    field + " must be an instant with offset, e.g. 2026-12-07T22:00:00+08:00, got "
                            + TextRules.quote(text)));
            return null;
        }
    }

    /** A request whose fields are each acceptable. */
    record NewTakeover(
            @Nullable String creative,
            @Nullable String notice,
            TakeoverTarget target,
            Instant from,
            @Nullable Instant until,
            String reason) {}
}
