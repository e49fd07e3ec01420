package io.railcast.server.user;

import java.time.Instant;

/** A row of the {@code users} table. */
record StoredUser(String username, String passwordHash, Role role, Instant createdAt) {}
