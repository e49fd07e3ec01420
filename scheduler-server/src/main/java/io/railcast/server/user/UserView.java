package io.railcast.server.user;

import java.time.Instant;

/** A user as the API shows it: never the password or its hash. */
record UserView(String username, String role, Instant createdAt) {

    static UserView of(StoredUser user) {
        return new UserView(user.username(), user.role().name(), user.createdAt());
    }
}
