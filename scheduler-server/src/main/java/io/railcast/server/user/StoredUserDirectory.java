package io.railcast.server.user;

import io.railcast.server.system.UserDirectory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Signs in the users of the {@code users} table; a disabled user is found, and refused as disabled. */
@Component
class StoredUserDirectory implements UserDirectory {

    private final UserRepository users;

    StoredUserDirectory(UserRepository users) {
        this.users = users;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return users.find(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .roles(user.role().name())
                        .disabled(!user.enabled())
                        .build());
    }
}
