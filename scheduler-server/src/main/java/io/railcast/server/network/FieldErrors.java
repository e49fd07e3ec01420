package io.railcast.server.network;

import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns one JSON item into a domain record field by field, collecting every field that is wrong rather than
 * stopping at the first. The messages are the domain's own where it has them.
 */
final class FieldErrors {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** A required text of at most {@link TextRules#NAME} characters, stripped. */
    @Nullable
    String text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, field + " must not be blank");
            return null;
        }
        String problem = TextRules.problem(field, value, TextRules.NAME);
        if (problem != null) {
            add(field, problem);
            return null;
        }
        return value.strip();
    }

    /** A required id or code ({@link TextRules#CODE_PATTERN}), stripped. */
    @Nullable
    String code(String field, @Nullable String value) {
        String text = text(field, value);
        String problem = text == null ? null : TextRules.codeProblem(field, text);
        if (problem != null) {
            add(field, problem);
            return null;
        }
        return text;
    }

    /** A required text that {@code parser} turns into a value, or whose parse error is the message. */
    <T> @Nullable T parse(String field, @Nullable String value, Function<String, T> parser) {
        String text = text(field, value);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            add(field, e.getMessage() == null ? field + " is not valid" : e.getMessage());
            return null;
        }
    }

    /** A required enum constant, in any case. */
    <E extends Enum<E>> @Nullable E constant(String field, @Nullable String value, Class<E> type) {
        return parse(
                field,
                value,
                text -> EnumText.parse(type, text)
                        .orElseThrow(() -> new IllegalArgumentException(field + " must be one of "
                                + List.of(type.getEnumConstants()) + ", got " + TextRules.quote(text))));
    }

    /**
     * Builds the domain record once every field parsed; the domain's own checks then name the field they refuse:
     * its messages start with the field's name, which is taken relative to {@code prefix} ("" or "loopPolicy.").
     */
    <T> @Nullable T build(String prefix, Supplier<T> constructor) {
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = String.valueOf(e.getMessage());
            int space = message.indexOf(' ');
            String field = prefix + (space > 0 ? message.substring(0, space) : message);
            add(field, space > 0 ? message : field + " is required");
            return null;
        }
    }

    void add(String field, String message) {
        problems.add(FieldProblem.of(field, message));
    }

    void add(FieldProblem problem) {
        problems.add(problem);
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }
}
