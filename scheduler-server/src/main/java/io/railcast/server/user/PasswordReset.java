package io.railcast.server.user;

import org.jspecify.annotations.Nullable;

/**
 * A password an administrator sets for a user ({@code POST /api/v1/users/{username}/password}).
 *
 * @param password the new password, as {@link PasswordRules} says; the old one stops working at once
 */
record PasswordReset(@Nullable String password) {}
