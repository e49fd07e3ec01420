package io.railcast.server.user;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code users} table. */
@Repository
class UserRepository {

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StoredUser> find(String username) {
        return db.sql("select username, password_hash, role, created_at from users where username = $1")
                .bind(0, username)
                .map(UserRepository::user)
                .one();
    }

    Flux<StoredUser> findAll() {
        return db.sql("select username, password_hash, role, created_at from users order by username")
                .map(UserRepository::user)
                .all();
    }

    /** Inserts the user unless the name is taken; answers whether it was inserted. */
    Mono<Boolean> insert(String username, String passwordHash, Role role) {
        return db.sql("insert into users (username, password_hash, role) values ($1, $2, $3)"
                        + " on conflict (username) do nothing")
                .bind(0, username)
                .bind(1, passwordHash)
                .bind(2, role.name())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private static StoredUser user(Readable row) {
        return new StoredUser(
                row.get("username", String.class),
                row.get("password_hash", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("created_at", Instant.class));
    }
}
