package io.railcast.server.report;

import io.railcast.server.report.VersionFacts.CampaignShare;
import io.railcast.server.report.VersionFacts.PlanFacts;
import io.railcast.server.report.VersionFacts.PlanUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of the published schedule tables and of the names the reports show. */
@Repository
class ReportRepository {

    /**
     * The past screen-hours a screen reported plays in, each matched to the plan of the version that was in force
     * for it then, in one statement. {@code reported}: the window's rollup rows, read once and grouped by screen and
     * hour with their campaigns' full plays. {@code in_force}: per distinct hour and station day, the highest
     * version that had taken effect at the hour's start and plans that day, and the highest in force at its end
     * (a handful of rows of the small {@code schedule_version} table each). {@code judged}: each screen-hour takes
     * the plan of its screen row in the version at the start, one index lookup (a lateral with {@code offset 0}, so
     * that a misestimate cannot turn it into a scan of every screen row); when a version that took effect during
     * the hour plans it differently for that screen, the screen played two plans and the hour is left out, as are
     * hours no version in force planned and hours off air. Hour i of a screen row starts i hours after its first
     * day begins in the station's zone. Answers rows {@code (what, id, n)}: {@code plan} with the screen-hours of
     * each plan, {@code campaign} with each campaign's full plays in those screen-hours.
     */
    private static final String PAST_HOURS = """
            with reported as materialized (
                select p.screen_id, p.hour, p.campaigns, p.delivered,
                       (p.hour at time zone st.zone_id)::date as day,
                       extract(hour from p.hour at time zone st.zone_id)::int as local_hour
                from (select screen_id, hour, array_agg(campaign_id) as campaigns, array_agg(delivered) as delivered
                      from play_rollup where hour >= $1 and hour < $2 group by screen_id, hour) p
                join screen sc on sc.id = p.screen_id join station st on st.code = sc.station_code
            ), in_force as materialized (
                select h.hour, h.day, s.version as at_start, e.version as at_end
                from (select distinct hour, day from reported) h
                cross join lateral (select v.version from schedule_version v
                    where v.effective_at <= h.hour and h.day >= v.first_day and h.day < v.first_day + v.days
                    order by v.version desc limit 1) s
                cross join lateral (select v.version from schedule_version v
                    where v.effective_at < h.hour + interval '1 hour'
                      and h.day >= v.first_day and h.day < v.first_day + v.days
                    order by v.version desc limit 1) e
            ), judged as materialized (
                select r.campaigns, r.delivered, a.plan_id
                from reported r
                join in_force f on f.hour = r.hour and f.day = r.day
                cross join lateral (select s.plan_ids[(r.day - s.first_day) * 24 + r.local_hour + 1] as plan_id
                    from screen_schedule s where s.version = f.at_start and s.screen_id = r.screen_id offset 0) a
                left join lateral (select s.plan_ids[(r.day - s.first_day) * 24 + r.local_hour + 1] as plan_id
                    from screen_schedule s
                    where f.at_end <> f.at_start and s.version = f.at_end and s.screen_id = r.screen_id offset 0) b
                    on true
                where a.plan_id is not null and (f.at_end = f.at_start or b.plan_id = a.plan_id)
            )
            select 'plan' as what, plan_id as id, count(*) as n from judged group by 2
            union all
            select 'campaign', x.campaign, sum(x.delivered) from judged j
            cross join lateral unnest(j.campaigns, j.delivered) as x(campaign, delivered) group by 2
            """;

    private final DatabaseClient db;

    ReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The latest version: number, first day and days; empty before the first. */
    Mono<VersionFacts> latestVersion() {
        return db.sql("select version, first_day, days from schedule_version order by version desc limit 1")
                .map(row -> new VersionFacts(
                        row.get("version", Long.class),
                        row.get("first_day", LocalDate.class),
                        row.get("days", Integer.class),
                        java.util.List.of(),
                        Map.of()))
                .one();
    }

    /** How many screen-hours of each station and day play each plan of a version. */
    Flux<PlanUsage> usage(long version) {
        return db.sql("select sc.station_code, ss.first_day + ((x.i - 1) / 24)::int as day, x.plan_id,"
                        + " count(*) as screen_hours"
                        + " from screen_schedule ss join screen sc on sc.id = ss.screen_id"
                        + " cross join lateral unnest(ss.plan_ids) with ordinality as x(plan_id, i)"
                        + " where ss.version = $1 and x.plan_id is not null group by 1, 2, 3")
                .bind(0, version)
                .map(row -> new PlanUsage(
                        row.get("station_code", String.class),
                        row.get("day", LocalDate.class),
                        row.get("plan_id", String.class),
                        row.get("screen_hours", Long.class)))
                .all();
    }

    /**
     * What each of the plans holds: on-air seconds, and plays and seconds per campaign. The body is taken apart
     * once per plan in the subquery: referring to it for every spot made PostgreSQL decompress it every time, ten
     * times slower.
     */
    Mono<Map<String, PlanFacts>> planFacts(Collection<String> ids) {
        return db.sql("select p.id, p.on_air, s.value->>2 as campaign, s.value->>4 as kind, count(s.value) as plays,"
                        + " coalesce(sum((s.value->>1)::int), 0) as seconds"
                        + " from (select h.id, (h.body->'onAir'->>'to')::int - (h.body->'onAir'->>'from')::int"
                        + " as on_air, h.body->'spots' as spots from hour_plan h where h.id = any($1) offset 0) p"
                        + " left join lateral jsonb_array_elements(p.spots) s on true group by 1, 2, 3, 4")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> new Object[] {
                    row.get("id", String.class),
                    row.get("on_air", Integer.class),
                    row.get("campaign", String.class),
                    row.get("kind", String.class),
                    row.get("plays", Long.class),
                    row.get("seconds", Long.class)
                })
                .all()
                .collect(HashMap<String, PlanFacts>::new, (plans, row) -> {
                    PlanFacts facts = plans.computeIfAbsent(
                            (String) row[0], id -> new PlanFacts((Integer) row[1], new HashMap<>()));
                    if (row[2] != null) {
                        facts.campaigns()
                                .put(
                                        (String) row[2],
                                        new CampaignShare(
                                                ((String) row[3]).charAt(0),
                                                ((Long) row[4]).intValue(),
                                                ((Long) row[5]).intValue()));
                    }
                })
                .map(Map::copyOf);
    }

    /** A screen's plan id for one hour of a version (1-based index into plan_ids), and the version's bounds. */
    Mono<ScreenHourRow> screenHour(long version, String screenId, int index) {
        return db.sql("select ss.first_day, cardinality(ss.plan_ids) as hours, ss.plan_ids[$3] as plan_id,"
                        + " h.body::text as body from screen_schedule ss left join hour_plan h on h.id = ss.plan_ids[$3]"
                        + " where ss.version = $1 and ss.screen_id = $2")
                .bind(0, version)
                .bind(1, screenId)
                .bind(2, index)
                .map(row -> new ScreenHourRow(
                        row.get("first_day", LocalDate.class),
                        row.get("hours", Integer.class),
                        row.get("plan_id", String.class),
                        row.get("body", String.class)))
                .one();
    }

    record ScreenHourRow(
            LocalDate firstDay,
            int hours,
            @Nullable String planId,
            @Nullable String body) {}

    Mono<Boolean> screenExists(String id) {
        return db.sql("select exists (select 1 from screen where id = $1) as known")
                .bind(0, id)
                .map(row -> row.get("known", Boolean.class))
                .one();
    }

    /** Campaign names by id, for the given ids. */
    Mono<Map<String, String>> campaignNames(Collection<String> ids) {
        return db.sql("select id, body->>'name' as name from campaign where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class), String.valueOf(row.get("name", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Public-service campaigns with a guaranteed frequency: their plays are contracted. */
    Mono<Set<String>> guaranteedPublicService() {
        return db.sql("select id from campaign where kind = 'PUBLIC_SERVICE' and body->>'frequency' is not null")
                .map(row -> row.get("id", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    /** Station names and screen counts, by code. */
    Flux<StationRow> stations() {
        return db.sql("select s.code, s.name, count(sc.id) as screens from station s"
                        + " left join screen sc on sc.station_code = s.code group by s.code, s.name order by s.code")
                .map(row -> new StationRow(
                        row.get("code", String.class), row.get("name", String.class), row.get("screens", Long.class)))
                .all();
    }

    record StationRow(String code, String name, long screens) {}

    /** Active commercial campaigns: their names by id. */
    Mono<Map<String, String>> activeCommercial() {
        return db.sql("select id, body->>'name' as name from campaign where kind = 'COMMERCIAL' and status = 'ACTIVE'")
                .map(row -> Map.entry(row.get("id", String.class), String.valueOf(row.get("name", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The reported screen-hours in {@code [from, to)}, judged by the version in force then (see {@link #PAST_HOURS}):
     * how many play each plan, and each campaign's full plays in them.
     */
    Mono<PastHours> pastHours(Instant from, Instant to) {
        return db.sql(PAST_HOURS)
                .bind(0, from)
                .bind(1, to)
                .map(row -> new Object[] {
                    row.get("what", String.class), row.get("id", String.class), ((Number) row.get("n")).longValue()
                })
                .all()
                .collect(
                        () -> new PastHours(new HashMap<>(), new HashMap<>()),
                        (hours, row) -> ("plan".equals(row[0]) ? hours.screenHours() : hours.fullPlays())
                                .put((String) row[1], (Long) row[2]))
                .map(hours -> new PastHours(Map.copyOf(hours.screenHours()), Map.copyOf(hours.fullPlays())));
    }

    /**
     * @param screenHours per plan id, the judged screen-hours that played it
     * @param fullPlays   per campaign, its full plays in those screen-hours
     */
    record PastHours(Map<String, Long> screenHours, Map<String, Long> fullPlays) {}

    Mono<String> campaignName(String id) {
        return db.sql("select body->>'name' as name from campaign where id = $1")
                .bind(0, id)
                .map(row -> String.valueOf(row.get("name", String.class)))
                .one();
    }
}
