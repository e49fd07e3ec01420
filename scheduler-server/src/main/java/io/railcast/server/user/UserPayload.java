package io.railcast.server.user;

import org.jspecify.annotations.Nullable;

/**
 * A new user as the API takes it.
 *
 * @param username 2–64 characters of a–z, 0–9, dot, underscore and hyphen, starting with a letter or digit
 * @param password as {@link PasswordRules} says: at least 10 characters, not holding the user name; stored only as a
 *                 BCrypt hash
 * @param role     PLANNER, CSR, OPERATOR or ADMIN (any case)
 */
record UserPayload(
        @Nullable String username,
        @Nullable String password,
        @Nullable String role) {}
