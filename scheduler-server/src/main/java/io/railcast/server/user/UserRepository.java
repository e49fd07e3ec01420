package io.railcast.server.user;

import io.r2dbc.spi.Readable;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code users} table, and the notices that tell every instance a user changed. */
@Repository
class UserRepository {

    /** Payload: the user name whose role, state or password changed, so that signed-in copies must be checked. */
    static final String CHANGED_CHANNEL = "user_changed";

    /** Payload: {@code user:<name>} or {@code address:<address>}, a sign-in lockout an administrator lifted. */
    static final String LOCKOUT_CLEARED_CHANNEL = "sign_in_lockout_cleared";

    private static final String COLUMNS = "username, password_hash, role, enabled, created_at, changed_at";

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StoredUser> find(String username) {
        return db.sql("select " + COLUMNS + " from users where username = $1")
                .bind(0, username)
                .map(UserRepository::user)
                .one();
    }

    /** One page of the users by name (and one more, if there is one), those whose name holds {@code text} if given. */
    Flux<StoredUser> find(@Nullable String text, PageRequest page) {
        KeysetSql sql = KeysetSql.ascending("username").where("username ilike {}", KeysetSql.containing(text));
        DatabaseClient.GenericExecuteSpec select = db.sql("select " + COLUMNS + " from users" + sql.page(page));
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(UserRepository::user).all();
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

    /**
     * The enabled administrators, their rows locked until the transaction ends: two administrators demoting each
     * other at once are then decided one after the other, and the second sees the first's change.
     */
    Flux<String> lockEnabledAdministrators() {
        return db.sql("select username from users where role = 'ADMIN' and enabled order by username for update")
                .map(row -> row.get("username", String.class))
                .all();
    }

    /** The user with this row locked until the transaction ends, or empty. */
    Mono<StoredUser> lock(String username) {
        return db.sql("select " + COLUMNS + " from users where username = $1 for update")
                .bind(0, username)
                .map(UserRepository::user)
                .one();
    }

    Mono<StoredUser> update(String username, Role role, boolean enabled) {
        return db.sql("update users set role = $2, enabled = $3, changed_at = now() where username = $1" + " returning "
                        + COLUMNS)
                .bind(0, username)
                .bind(1, role.name())
                .bind(2, enabled)
                .map(UserRepository::user)
                .one();
    }

    Mono<StoredUser> updatePassword(String username, String passwordHash) {
        return db.sql("update users set password_hash = $2, changed_at = now() where username = $1" + " returning "
                        + COLUMNS)
                .bind(0, username)
                .bind(1, passwordHash)
                .map(UserRepository::user)
                .one();
    }

    /** Tells every instance, when the transaction commits, that the user changed. */
    Mono<Void> announceChanged(String username) {
        return db.sql("select pg_notify($1, $2)")
                .bind(0, CHANGED_CHANNEL)
                .bind(1, username)
                .then();
    }

    /** Tells every instance, when the transaction that records it commits, that a lockout was lifted. */
    Mono<Void> announceLockoutCleared(String payload) {
        return db.sql("select pg_notify($1, $2)")
                .bind(0, LOCKOUT_CLEARED_CHANNEL)
                .bind(1, payload)
                .then();
    }

    private static StoredUser user(Readable row) {
        return new StoredUser(
                row.get("username", String.class),
                row.get("password_hash", String.class),
                Role.valueOf(row.get("role", String.class)),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                row.get("created_at", Instant.class),
                row.get("changed_at", Instant.class));
    }
}
