package io.railcast.server.agent;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code play_record}, partitioned by UTC day, and its hourly {@code play_rollup}. A day's partition is created
 * the first time a play of that day arrives (under an advisory lock, since instances may race), and tomorrow's
 * with today's, so that the morning's first batches do not wait for DDL; each instance remembers the days it has
 * made sure of.
 */
@Repository
class PlayRepository {

    private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * One statement: store the plays not stored yet, add exactly those to the rollup, and answer their ids.
     * Rollup rows are locked in a fixed order, so concurrent batches of one screen cannot deadlock. The rollup is
     * thus current at every commit, which is what the delivery report reads: no job rolls plays up later.
     * {@code delivered} counts the plays that ran their creative's full length within 0.5 s (V7).
     */
    private static final String INSERT = """
            with stored as (
                insert into play_record (play_id, started_at, screen_id, campaign_id, creative_id, duration_millis,
                                         schedule_version)
                select play_id, started_at, $7, campaign_id, creative_id, duration_millis, schedule_version
                from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::bigint[])
                    as t(play_id, started_at, campaign_id, creative_id, duration_millis, schedule_version)
                on conflict do nothing
                returning play_id, started_at, campaign_id, creative_id, duration_millis
            ), rolled as (
                insert into play_rollup (campaign_id, screen_id, station_code, hour, plays, seconds, delivered)
                select s.campaign_id, $7, (select station_code from screen where id = $7),
                       date_trunc('hour', s.started_at, 'UTC') as hour, count(*), sum(s.duration_millis) / 1000.0,
                       count(*) filter (where s.duration_millis >= c.duration_seconds * 1000 - 500)
                from stored s
                left join creative c on c.id = s.creative_id
                group by s.campaign_id, date_trunc('hour', s.started_at, 'UTC')
                order by s.campaign_id, hour
                on conflict (campaign_id, screen_id, hour) do update
                    set plays = play_rollup.plays + excluded.plays,
                        seconds = play_rollup.seconds + excluded.seconds,
                        delivered = play_rollup.delivered + excluded.delivered
            )
            select play_id::text as play_id from stored
            """;

    private final DatabaseClient db;
    private final Set<LocalDate> partitioned = ConcurrentHashMap.newKeySet();

    PlayRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Makes sure every day of {@code days} (UTC), and tomorrow, has its partition. */
    Mono<Void> ensurePartitions(Collection<LocalDate> days) {
        return Flux.fromIterable(days)
                .concatWithValues(LocalDate.now(ZoneOffset.UTC).plusDays(1))
                .distinct()
                .filter(day -> !partitioned.contains(day))
                .concatMap(day -> db.sql(createPartition(day)).then().doOnSuccess(done -> partitioned.add(day)))
                .then();
    }

    /** Stores the screen's plays that are not stored yet; answers the ids of those it stored. */
    Flux<String> insert(String screenId, List<Play> plays) {
        int n = plays.size();
        String[] ids = new String[n];
        String[] startedAt = new String[n];
        String[] campaigns = new String[n];
        String[] creatives = new String[n];
        Integer[] durations = new Integer[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            Play play = plays.get(i);
            ids[i] = play.playId().toString();
            startedAt[i] = play.startedAt().toString();
            campaigns[i] = play.campaign();
            creatives[i] = play.creative();
            durations[i] = play.durationMillis();
            versions[i] = play.scheduleVersion();
        }
        return db.sql(INSERT)
                .bind(0, ids)
                .bind(1, startedAt)
                .bind(2, campaigns)
                .bind(3, creatives)
                .bind(4, durations)
                .bind(5, versions)
                .bind(6, screenId)
                .map(row -> row.get("play_id", String.class))
                .all();
    }

    private static String createPartition(LocalDate day) {
        String name = "play_record_" + PARTITION_SUFFIX.format(day);
        // a DO block runs as one transaction; the names and bounds come from a LocalDate, never from a client
        return "do $$ begin"
                + " perform pg_advisory_xact_lock(hashtext('play_record partitions'));"
                + " if to_regclass('" + name + "') is null then"
                + " create table " + name + " partition of play_record for values from ('"
                + day.atStartOfDay().atOffset(ZoneOffset.UTC) + "') to ('"
                + day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC) + "');"
                + " end if; end $$";
    }
}
