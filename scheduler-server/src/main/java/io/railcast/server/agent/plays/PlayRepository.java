package io.railcast.server.agent.plays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code play_record} and {@code play_slot}, partitioned by UTC day, and the hourly {@code play_rollup}. A day's
 * partitions are created the first time a play (or slot) of that day arrives (under an advisory lock, since
 * instances may race), and tomorrow's with today's, so that the morning's first batches do not wait for DDL; each instance remembers the days it has
 * made sure of.
 */
@Repository
class PlayRepository {

    private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * One statement: claim the slots of the plays judged to count ({@code play_slot}: the first play of a slot, in
     * this batch or any earlier one, keeps it; a later one is stored as {@code duplicate-slot}), store the plays not
     * stored yet with their verdict, add exactly the stored plays that count to the rollup, and answer the ids
     * stored with their verdict. A play sent again conflicts in both tables and is answered as not stored (its
     * verdict is the same as the first time: the versions and plans it is judged by never change). Rows are
     * locked in a fixed order, so concurrent batches of one screen cannot deadlock. The rollup is thus current at
     * every commit, which is what the delivery report reads: no job rolls plays up later. {@code delivered} counts
     * the plays that ran their creative's full length within 0.5 s (V7). The same counts go to the campaign's
     * {@code campaign_delivery} row of the station and local day (the day the play's UTC hour starts on in the
     * station's zone, as the rollup's hours were always read), in key order like every writer of that table, and
     * per creative to {@code creative_delivery} (V18) with the full plays' milliseconds, for the public-service
     * report.
     */
    private static final String INSERT = """
            with input as (
                -- instants as epoch microseconds (PostgreSQL's precision): formatting and parsing 2,000 timestamps a
                -- batch as text cost more than anything else we add to a play
                select play_id, timestamptz 'epoch' + started_us * interval '1 microsecond' as started_at,
                       campaign_id, creative_id, duration_millis, schedule_version,
                       timestamptz 'epoch' + slot_us * interval '1 microsecond' as slot_start, rejection
                from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::bigint[],
                            $8::text[])
                    as t(play_id, started_us, campaign_id, creative_id, duration_millis, schedule_version, slot_us,
                         rejection)
            ), claimed as (
                insert into play_slot (screen_id, slot_start, play_id)
                select $9, slot_start, play_id from input where rejection is null
                order by slot_start
                on conflict do nothing
                returning play_id
            ), stored as (
                insert into play_record (play_id, started_at, screen_id, campaign_id, creative_id, duration_millis,
                                         schedule_version, slot_start, rejection)
                select i.play_id, i.started_at, $9, i.campaign_id, i.creative_id, i.duration_millis,
                       i.schedule_version, i.slot_start,
                       case when i.rejection is null and c.play_id is null then 'duplicate-slot' else i.rejection end
                from input i left join claimed c on c.play_id = i.play_id
                on conflict do nothing
                returning play_id, started_at, campaign_id, creative_id, duration_millis, rejection
            ), rolled as (
                insert into play_rollup (campaign_id, screen_id, station_code, hour, plays, seconds, delivered)
                select s.campaign_id, $9, (select station_code from screen where id = $9),
                       date_trunc('hour', s.started_at, 'UTC') as hour, count(*), sum(s.duration_millis) / 1000.0,
                       count(*) filter (where s.duration_millis >= c.duration_seconds * 1000 - 500)
                from stored s
                left join creative c on c.id = s.creative_id
                where s.rejection is null
                group by s.campaign_id, date_trunc('hour', s.started_at, 'UTC')
                order by s.campaign_id, hour
                on conflict (campaign_id, screen_id, hour) do update
                    set plays = play_rollup.plays + excluded.plays,
                        seconds = play_rollup.seconds + excluded.seconds,
                        delivered = play_rollup.delivered + excluded.delivered
            ), station as (
                select st.code, st.zone_id from screen sc join station st on st.code = sc.station_code
                where sc.id = $9
            ), delivery as (
                insert into campaign_delivery (campaign_id, station_code, day, played_plays, reported_plays)
                select s.campaign_id, st.code, (date_trunc('hour', s.started_at, 'UTC') at time zone st.zone_id)::date,
                       count(*) filter (where s.duration_millis >= c.duration_seconds * 1000 - 500), count(*)
                from stored s
                cross join station st
                left join creative c on c.id = s.creative_id
                where s.rejection is null
                group by 1, 2, 3
                order by 1, 2, 3
                on conflict (campaign_id, station_code, day) do update
                    set played_plays = campaign_delivery.played_plays + excluded.played_plays,
                        reported_plays = campaign_delivery.reported_plays + excluded.reported_plays
            ), by_creative as (
                insert into creative_delivery (campaign_id, creative_id, station_code, day, played_plays,
                                               played_millis, reported_plays)
                select s.campaign_id, s.creative_id, st.code,
                       (date_trunc('hour', s.started_at, 'UTC') at time zone st.zone_id)::date,
                       count(*) filter (where s.duration_millis >= c.duration_seconds * 1000 - 500),
                       coalesce(sum(s.duration_millis)
                           filter (where s.duration_millis >= c.duration_seconds * 1000 - 500), 0),
                       count(*)
                from stored s
                cross join station st
                left join creative c on c.id = s.creative_id
                where s.rejection is null
                group by 1, 2, 3, 4
                order by 1, 2, 3, 4
                on conflict (campaign_id, creative_id, station_code, day) do update
                    set played_plays = creative_delivery.played_plays + excluded.played_plays,
                        played_millis = creative_delivery.played_millis + excluded.played_millis,
                        reported_plays = creative_delivery.reported_plays + excluded.reported_plays
            )
            select play_id::text as play_id, rejection from stored
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

    /**
     * Stores the screen's plays that are not stored yet, each with its verdict ({@code verdicts[i]} of
     * {@code plays[i]}); answers those it stored, with why each does not count (null when it counts).
     */
    Flux<Stored> insert(String screenId, List<Play> plays, List<SlotJudge.Verdict> verdicts) {
        int n = plays.size();
        String[] ids = new String[n];
        Long[] startedAt = new Long[n];
        String[] campaigns = new String[n];
        String[] creatives = new String[n];
        Integer[] durations = new Integer[n];
        Long[] versions = new Long[n];
        Long[] slots = new Long[n];
        String[] rejections = new String[n];
        for (int i = 0; i < n; i++) {
            Play play = plays.get(i);
            ids[i] = play.playId().toString();
            startedAt[i] = micros(play.startedAt());
            campaigns[i] = play.campaign();
            creatives[i] = play.creative();
            durations[i] = play.durationMillis();
            versions[i] = play.scheduleVersion();
            SlotJudge.Verdict verdict = verdicts.get(i);
            slots[i] = verdict.slot() == null ? null : micros(verdict.slot());
            rejections[i] = verdict.rejection();
        }
        return db.sql(INSERT)
                .bind(0, ids)
                .bind(1, startedAt)
                .bind(2, campaigns)
                .bind(3, creatives)
                .bind(4, durations)
                .bind(5, versions)
                .bind(6, slots)
                .bind(7, rejections)
                .bind(8, screenId)
                .map(row -> new Stored(row.get("play_id", String.class), row.get("rejection", String.class)))
                .all();
    }

    /** Microseconds since the epoch, rounded as PostgreSQL rounds a finer instant it is given as text. */
    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + Math.round(instant.getNano() / 1000.0);
    }

    /** A play stored by {@link #insert}: {@code rejection} null when it counts. */
    record Stored(String playId, @Nullable String rejection) {}

    /** The day's partitions of {@code play_record} and of {@code play_slot}, where missing. */
    private static String createPartition(LocalDate day) {
        // a DO block runs as one transaction; the names and bounds come from a LocalDate, never from a client
        return "do $$ begin"
                + " perform pg_advisory_xact_lock(hashtext('play_record partitions'));"
                + partition("play_record", day) + partition("play_slot", day)
                + " end $$";
    }

    private static String partition(String table, LocalDate day) {
        String name = table + "_" + PARTITION_SUFFIX.format(day);
        return " if to_regclass('" + name + "') is null then"
                + " create table " + name + " partition of " + table + " for values from ('"
                + day.atStartOfDay().atOffset(ZoneOffset.UTC) + "') to ('"
                + day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC) + "');"
                + " end if;";
    }
}
