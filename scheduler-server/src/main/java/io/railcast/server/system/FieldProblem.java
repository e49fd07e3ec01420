package io.railcast.server.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * One thing a client got wrong, listed under {@code errors} in a problem response.
 *
 * @param index   the position of the item in a JSON array request; absent for a single object
 * @param field   the field, dotted for nested ones ({@code loopPolicy.slotSeconds}); absent when the item as a whole
 *                is wrong
 * @param message what is wrong, for a person
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(
        @Nullable Integer index, @Nullable String field, String message) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(null, field, message);
    }

    /**
     * What Jackson could not bind, named by its JSON path: {@code loopPolicy.slotSeconds}, or {@code [3].tier} when
     * the path starts in an array. No field when the path is empty (the document as a whole).
     */
    public static FieldProblem of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String field = path.isEmpty() ? null : path.toString();
        String message =
                String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("cannot be read");
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String name = (field == null) ? "the body" : field.substring(field.lastIndexOf('.') + 1);
            message = name + " must be " + expected(mismatch.getTargetType());
        }
        return new FieldProblem(null, field, message);
    }

    /** What a value of {@code type} looks like, for a person: "a whole number", "true or false"... */
    static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "of type " + type.getSimpleName();
    }

    /** The same problem, placed at {@code index} of an array. */
    public FieldProblem at(int index) {
        return new FieldProblem(index, field, message);
    }
}
