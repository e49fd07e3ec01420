package io.railcast.server.user;

import org.jspecify.annotations.Nullable;

/**
 * A user's change of their own password ({@code POST /api/v1/users/me/password}).
 *
 * @param currentPassword the password they sign in with now
 * @param newPassword     the new one, as {@link PasswordRules} says, and not the current one
 */
record OwnPasswordChange(
        @Nullable String currentPassword, @Nullable String newPassword) {}
