package io.railcast.server.user;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of the {@code users} table. */
record StoredUser(
        String username,
        String passwordHash,
        Role role,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant changedAt) {}
