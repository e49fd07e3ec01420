package io.railcast.server.user;

import org.jspecify.annotations.Nullable;

/**
 * A change an administrator makes to a user ({@code PATCH /api/v1/users/{username}}); what is left out stays.
 *
 * @param enabled false disables the user: their sessions and HTTP Basic sign-ins stop working at once, on every
 *                instance; true lets them sign in again
 * @param role    PLANNER, CSR, OPERATOR or ADMIN (any case); takes effect at once, the user's sessions end
 */
record UserChange(@Nullable Boolean enabled, @Nullable String role) {}
