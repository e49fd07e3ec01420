package io.railcast.server.user;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user as the API shows it: never the password or its hash. */
record UserView(
        String username,
        String role,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant changedAt) {

    static UserView of(StoredUser user) {
        return new UserView(user.username(), user.role().name(), user.enabled(), user.createdAt(), user.changedAt());
    }
}
