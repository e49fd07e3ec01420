package io.railcast.server.report;

import io.railcast.server.system.TextRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The period a report covers, read from a request's {@code from} and {@code to} and refused ({@link
 * ReportRefusal.BadQuery}, naming the field) when either is missing, unreadable, reversed or the period too long.
 */
final class ReportPeriod {

    /** The public-service report: at most two years of days (an annual report, or two compared). */
    static final Period LONGEST_DAYS = Period.ofYears(2);

    /** A proof-of-play export: at most 31 days of plays, millions of rows for a national campaign. */
    static final Duration LONGEST_PLAYS = Duration.ofDays(31);

    private ReportPeriod() {}

    /** Days {@code from} to {@code to}, both included: a month, a year; shorter than {@link #LONGEST_DAYS}. */
    record Days(LocalDate from, LocalDate to) {

        /** The months the period touches, in order. */
        List<YearMonth> months() {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth month = YearMonth.from(from);
                    !month.isAfter(YearMonth.from(to));
                    month = month.plusMonths(1)) {
                months.add(month);
            }
            return months;
        }
    }

    /** Instants {@code from} (included) to {@code to} (excluded), no longer than {@link #LONGEST_PLAYS}. */
    record Instants(Instant from, Instant to) {}

    static Days days(@Nullable String from, @Nullable String to) {
        LocalDate first = parse("from", from, LocalDate::parse, "a date such as 2026-01-01");
        LocalDate last = parse("to", to, LocalDate::parse, "a date such as 2026-12-31");
        if (last.isBefore(first)) {
            throw new ReportRefusal.BadQuery("to", "to must not be before from (" + first + "), got " + last);
        }
        if (!last.isBefore(first.plus(LONGEST_DAYS))) {
            throw new ReportRefusal.BadQuery(
                    "to",
                    "the period may be at most 2 years: to must be before " + first.plus(LONGEST_DAYS) + ", got "
                            + last);
        }
        return new Days(first, last);
    }

    static Instants instants(@Nullable String from, @Nullable String to) {
        Instant first = parse("from", from, Instant::parse, "an instant in UTC such as 2026-12-01T00:00:00Z");
        Instant last = parse("to", to, Instant::parse, "an instant in UTC such as 2026-12-08T00:00:00Z");
        if (!last.isAfter(first)) {
            throw new ReportRefusal.BadQuery("to", "to must be after from (" + first + "), got " + last);
        }
        if (Duration.between(first, last).compareTo(LONGEST_PLAYS) > 0) {
            throw new ReportRefusal.BadQuery(
                    "to",
                    "the period may be at most " + LONGEST_PLAYS.toDays() + " days: to must be at most "
                            + first.plus(LONGEST_PLAYS) + ", got " + last);
        }
        return new Instants(first, last);
    }

    private static <T> T parse(String field, @Nullable String text, Parser<T> parser, String expected) {
        if (text == null || text.isBlank()) {
            throw new ReportRefusal.BadQuery(field, field + " is required: " + expected);
        }
        try {
            return parser.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ReportRefusal.BadQuery(field, field + " must be " + expected + ", got " + TextRules.quote(text));
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }
}
