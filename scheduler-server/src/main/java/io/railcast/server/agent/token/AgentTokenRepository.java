package io.railcast.server.agent.token;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code agent_token} table: tokens by their hash, never in clear. */
@Repository
class AgentTokenRepository {

    private final DatabaseClient db;

    AgentTokenRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> screenExists(String screenId) {
        return db.sql("select exists (select 1 from screen where id = $1) as found")
                .bind(0, screenId)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one();
    }

    /** Stores a new live token for the screen; answers when it was created. */
    Mono<Instant> insert(String tokenHash, String screenId) {
        return db.sql("insert into agent_token (token_hash, screen_id) values ($1, $2) returning created_at")
                .bind(0, tokenHash)
                .bind(1, screenId)
                .map(row -> row.get("created_at", Instant.class))
                .one();
    }

    /** Revokes the screen's live tokens; answers how many there were. */
    Mono<Long> revokeAll(String screenId) {
        return db.sql("update agent_token set revoked_at = now() where screen_id = $1 and revoked_at is null")
                .bind(0, screenId)
                .fetch()
                .rowsUpdated();
    }

    /**
     * Tells every instance (on commit, as PostgreSQL delivers notifications) that the screen's tokens were revoked,
     * or with {@link AgentTokens#ALL_SCREENS} that many screens' were.
     */
    Mono<Void> announceRevoked(String screenId) {
        return db.sql("select pg_notify($1, $2)")
                .bind(0, AgentTokens.REVOKED_CHANNEL)
                .bind(1, screenId)
                .then();
    }

    /** The screen of a live token, or empty. */
    Mono<String> liveScreenOf(String tokenHash) {
        return db.sql("select screen_id from agent_token where token_hash = $1 and revoked_at is null")
                .bind(0, tokenHash)
                .map(row -> row.get("screen_id", String.class))
                .one();
    }

    /** The ids among {@code screenIds} that name no screen. */
    Flux<String> unknownScreens(String[] screenIds) {
        return db.sql("select id from unnest($1::text[]) as asked(id) where not exists"
                        + " (select 1 from screen where screen.id = asked.id)")
                .bind(0, screenIds)
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Revokes the live tokens of all these screens; answers the screens that had one. */
    Flux<String> revokeAll(String[] screenIds) {
        return db.sql("update agent_token set revoked_at = now() where screen_id = any($1::text[])"
                        + " and revoked_at is null returning screen_id")
                .bind(0, screenIds)
                .map(row -> row.get("screen_id", String.class))
                .all();
    }

    /** Stores a live token for each screen ({@code tokenHashes[i]} for {@code screenIds[i]}); answers when. */
    Mono<Instant> insertAll(String[] tokenHashes, String[] screenIds) {
        return db.sql("insert into agent_token (token_hash, screen_id)"
                        + " select * from unnest($1::text[], $2::text[]) returning created_at")
                .bind(0, tokenHashes)
                .bind(1, screenIds)
                .map(row -> row.get("created_at", Instant.class))
                .all()
                .take(1)
                .single();
    }
}
