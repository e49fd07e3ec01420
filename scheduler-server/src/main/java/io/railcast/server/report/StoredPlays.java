package io.railcast.server.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a campaign's stored plays ({@code play_record}, the agent feature's) for proof-of-play exports, a page at a
 * time in (start, play id) order along {@code play_record_campaign_idx} (V18): each page one short statement, so an
 * export of millions of plays holds one page in memory and no connection between pages. Plays that do not count
 * (V9: no scheduled spot, off its slot, a slot played already) are left out; plays cut short are kept, their end
 * showing how long they ran.
 */
@Repository
class StoredPlays {

    static final int PAGE = 2_000;

    private static final String COLUMNS = """
            select p.play_id, p.started_at, p.duration_millis, p.screen_id, p.creative_id,
                   coalesce(c.duration_seconds, 0) as spot_seconds
            from play_record p left join creative c on c.id = p.creative_id
            where p.campaign_id = $1 and p.started_at >= $2 and p.started_at < $3 and p.rejection is null
            """;

    private static final String FIRST = COLUMNS + " order by p.started_at, p.play_id limit " + PAGE;

    private static final String NEXT =
            COLUMNS + " and (p.started_at, p.play_id) > ($4, $5) order by p.started_at, p.play_id limit " + PAGE;

    private final DatabaseClient db;

    StoredPlays(DatabaseClient db) {
        this.db = db;
    }

    /** A campaign's owner and name, if it exists. */
    Mono<List<String>> campaign(String id) {
        return db.sql("select coalesce(body ->> 'owner', '') as owner, coalesce(body ->> 'name', '') as name"
                        + " from campaign where id = $1")
                .bind(0, id)
                .map(row -> List.of(row.get("owner", String.class), row.get("name", String.class)))
                .one();
    }

    /** The campaign's plays that count in [from, to), page after page, in start order. */
    Flux<List<Stored>> pages(String campaign, Instant from, Instant to) {
        return first(campaign, from, to)
                .expand(page -> page.size() < PAGE ? Mono.empty() : next(campaign, from, to, page.get(page.size() - 1)))
                .filter(page -> !page.isEmpty());
    }

    private Mono<List<Stored>> first(String campaign, Instant from, Instant to) {
        return read(db.sql(FIRST).bind(0, campaign).bind(1, from).bind(2, to));
    }

    private Mono<List<Stored>> next(String campaign, Instant from, Instant to, Stored after) {
        return read(db.sql(NEXT)
                .bind(0, campaign)
                .bind(1, from)
                .bind(2, to)
                .bind(3, after.startedAt())
                .bind(4, after.playId()));
    }

    private static Mono<List<Stored>> read(DatabaseClient.GenericExecuteSpec statement) {
        return statement
                .map(row -> new Stored(
                        row.get("play_id", UUID.class),
                        row.get("started_at", OffsetDateTime.class),
                        new PlayoutReport.Play(
                                row.get("started_at", OffsetDateTime.class).toInstant(),
                                row.get("duration_millis", Integer.class),
                                row.get("screen_id", String.class),
                                row.get("creative_id", String.class),
                                row.get("spot_seconds", Integer.class))))
                .all()
                .collectList();
    }

    /** A stored play, and its key for the next page (the start exactly as stored, to the microsecond). */
    record Stored(UUID playId, OffsetDateTime startedAt, PlayoutReport.Play play) {}
}
