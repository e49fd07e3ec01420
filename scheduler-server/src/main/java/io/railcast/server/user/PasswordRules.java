package io.railcast.server.user;

import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The least a password must be, for a new user, a reset and a user's own change alike: at least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further, and Spring
 * Security refuses longer ones with an exception), not holding the user name, and text as {@link TextRules} wants it.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordRules() {}

    /** Adds what is wrong with {@code password} for {@code username} to {@code problems}, naming {@code field}. */
    static void check(String field, @Nullable String password, @Nullable String username, List<FieldProblem> problems) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(FieldProblem.of(field, field + " must have at least " + MIN_LENGTH + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(FieldProblem.of(field, field + " must be at most " + MAX_BYTES + " bytes in UTF-8"));
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(FieldProblem.of(field, field + " must not contain the user name"));
        } else {
            TextRules.check(field, password, MAX_BYTES, problems);
        }
    }
}
