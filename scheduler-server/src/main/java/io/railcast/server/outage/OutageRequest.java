package io.railcast.server.outage;

import io.railcast.model.network.OutOfService;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A screen or station taken out of service, as the API takes it.
 *
 * @param from    when it goes off air, an ISO-8601 instant with offset; now when absent
 * @param until   when it is back on air; absent only when {@code retired}
 * @param retired true for good (no {@code until})
 * @param reason  why, e.g. "platform works"; "out of service" when absent
 */
record OutageRequest(
        @Nullable String from,
        @Nullable String until,
        @Nullable Boolean retired,
        @Nullable String reason) {

    static final String DEFAULT_REASON = "out of service";

    /** The period asked for, or the problems of each field at fault. */
    @Nullable
    OutOfService period(Instant now, List<FieldProblem> problems) {
        List<FieldProblem> found = new ArrayList<>();
        Instant start = from == null || from.isBlank() ? now : instant("from", from, found);
        Instant end = until == null || until.isBlank() ? null : instant("until", until, found);
        boolean forGood = Boolean.TRUE.equals(retired);
        if (forGood && end != null) {
            found.add(FieldProblem.of("until", "until must be absent when retired is true: a retirement is for good"));
        } else if (!forGood && end == null && found.isEmpty()) {
            found.add(FieldProblem.of("until", "until is required unless retired is true"));
        }
        if (end != null && start != null && !end.isAfter(start)) {
            found.add(FieldProblem.of("until", "until must be after from (" + start + "), got " + end));
        } else if (end != null && !end.isAfter(now)) {
            found.add(FieldProblem.of("until", "until must be in the future, got " + end));
        }
        if (reason != null) {
            String problem = TextRules.problem("reason", reason, TextRules.NAME);
            if (problem != null) {
                found.add(FieldProblem.of("reason", problem));
            }
        }
        problems.addAll(found);
        return found.isEmpty() ? new OutOfService(start, end) : null;
    }

    String reasonOrDefault() {
        return reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
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
}
