package io.railcast.server.system;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What every text a client sends must be before it is stored, searched for or echoed: no control characters (a NUL
 * cannot even be stored in PostgreSQL, and failed whole requests with 500 when it reached the database), whole
 * Unicode characters, and no longer than its kind allows. Codes and ids are narrower still: they appear in URL
 * paths, file names and logs.
 */
public final class TextRules {

    /** Longest id or code: campaigns, creatives, stations, screens. */
    public static final int CODE = 64;
    /** Longest name-like text: names, owners, provinces, bureaus, zones, categories. */
    public static final int NAME = 200;
    /** Longest short formatted text: frequencies, daily hours, instants, time-zone ids. */
    public static final int SHORT = 64;
    /** Most entries in one list of a request (targeting stations, provinces...). */
    public static final int ITEMS = 1_000;

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit, 1–64 of them. */
    public static final Pattern CODE_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final int ECHOED = 40;

    private TextRules() {}

    /** Why {@code value} is not acceptable text of at most {@code max} characters for {@code field}; null if it is. */
    public static @Nullable String problem(String field, String value, int max) {
        if (value.length() > max) {
            return field + " must be at most " + max + " characters, got " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return field + " must not contain control characters, found U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1);
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return field + " must be whole Unicode characters, found a lone surrogate at position " + (i + 1);
            }
        }
        return null;
    }

    /** Why {@code value} is not an id or code for {@code field} ({@link #CODE_PATTERN}); null if it is. */
    public static @Nullable String codeProblem(String field, String value) {
        String text = problem(field, value, CODE);
        if (text != null) {
            return text;
        }
        return CODE_PATTERN.matcher(value).matches()
                ? null
                : field + " must be 1-" + CODE + " letters, digits, '.',"
                        + " '_' or '-', starting with a letter or digit, got " + quote(value);
    }

    /** Adds a problem for {@code field} unless {@code value} is null or acceptable text of at most {@code max}. */
    public static void check(String field, @Nullable String value, int max, List<FieldProblem> problems) {
        String problem = value == null ? null : problem(field, value, max);
        if (problem != null) {
            problems.add(FieldProblem.of(field, problem));
        }
    }

    /**
     * Adds a problem for {@code field} unless {@code value} is null or an id or code ({@link #CODE_PATTERN});
     * answers whether it was acceptable.
     */
    public static boolean checkCode(String field, @Nullable String value, List<FieldProblem> problems) {
        String problem = value == null ? null : codeProblem(field, value);
        if (problem != null) {
            problems.add(FieldProblem.of(field, problem));
        }
        return problem == null;
    }

    /** Checks every entry of {@code values} as {@code field[i]} and their number; null lists are fine. */
    public static void checkAll(String field, @Nullable List<String> values, int max, List<FieldProblem> problems) {
        if (values == null) {
            return;
        }
        if (values.size() > ITEMS) {
            problems.add(
                    FieldProblem.of(field, field + " must have at most " + ITEMS + " entries, got " + values.size()));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            check(field + "[" + i + "]", values.get(i), max, problems);
        }
    }

    /**
     * {@code value} as a message may quote it: in single quotes, cut to a few dozen characters, control characters
     * shown as {@code \\uXXXX}. Messages never carry a client's text at length or raw.
     */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        value.codePoints().limit(ECHOED).forEach(c -> {
            if (Character.isISOControl(c) || Character.isSurrogate((char) c) && Character.isBmpCodePoint(c)) {
                quoted.append(String.format("\\u%04X", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append(value.codePointCount(0, value.length()) > ECHOED ? "…'" : "'")
                .toString();
    }
}
