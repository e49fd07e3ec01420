package io.railcast.server.report;

import io.railcast.server.report.VersionFacts.CampaignShare;
import io.railcast.server.report.VersionFacts.PlanFacts;
import io.railcast.server.report.VersionFacts.PlanUsage;
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
     * The screen-hours before the current UTC hour in which a screen reported a play, matched to the plan the
     * version gives that screen for that hour (hour i of the screen's schedule starts i hours after its first day
     * begins in the station's zone); hours outside the version's horizon or off air are left out.
     */
    private static final String REPORTED_HOURS = "with reported as (select r.screen_id, r.hour,"
            + " ss.plan_ids[((r.hour at time zone st.zone_id)::date - ss.first_day) * 24"
            + " + extract(hour from r.hour at time zone st.zone_id)::int + 1] as plan_id"
            + " from (select distinct screen_id, hour from play_rollup"
            + " where hour < date_trunc('hour', now(), 'UTC')) r"
            + " join screen sc on sc.id = r.screen_id join station st on st.code = sc.station_code"
            + " join screen_schedule ss on ss.screen_id = r.screen_id and ss.version = $1)";

    private final DatabaseClient db;

    ReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The latest version: number, first day and days; empty before the first. */
    Mono<VersionFacts> latestVersion() {
        return db.sql("select version, first_day, days from schedule_version order by version desc limit 1")
                .map(row -> new VersionFacts(row.get("version", Long.class), row.get("first_day", LocalDate.class),
                        row.get("days", Integer.class), java.util.List.of(), Map.of()))
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
                .map(row -> new PlanUsage(row.get("station_code", String.class), row.get("day", LocalDate.class),
                        row.get("plan_id", String.class), row.get("screen_hours", Long.class)))
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
                .map(row -> new Object[] {row.get("id", String.class), row.get("on_air", Integer.class),
                    row.get("campaign", String.class), row.get("kind", String.class),
                    row.get("plays", Long.class), row.get("seconds", Long.class)})
                .all()
                .collect(HashMap<String, PlanFacts>::new, (plans, row) -> {
                    PlanFacts facts = plans.computeIfAbsent((String) row[0],
                            id -> new PlanFacts((Integer) row[1], new HashMap<>()));
                    if (row[2] != null) {
                        facts.campaigns().put((String) row[2], new CampaignShare(((String) row[3]).charAt(0),
                                ((Long) row[4]).intValue(), ((Long) row[5]).intValue()));
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
                .map(row -> new ScreenHourRow(row.get("first_day", LocalDate.class), row.get("hours", Integer.class),
                        row.get("plan_id", String.class), row.get("body", String.class)))
                .one();
    }

    record ScreenHourRow(LocalDate firstDay, int hours, @Nullable String planId, @Nullable String body) {
    }

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
                .map(row -> new StationRow(row.get("code", String.class), row.get("name", String.class),
                        row.get("screens", Long.class)))
                .all();
    }

    record StationRow(String code, String name, long screens) {
    }

    /**
     * A campaign's plays from {@code play_rollup}, by station and the station's local day: each UTC hour of the
     * rollup goes to the day its start falls on in the station's zone (exact for zones a whole number of hours
     * from UTC, as every Chinese station is). Plays of a screen unknown when they arrived have no station and are
     * left out.
     */
    Flux<PlayedDay> played(String campaignId) {
        return db.sql("select r.station_code, (r.hour at time zone st.zone_id)::date as day,"
                        + " sum(r.delivered) as delivered, sum(r.plays) as reported"
                        + " from play_rollup r join station st on st.code = r.station_code"
                        + " where r.campaign_id = $1 group by 1, 2")
                .bind(0, campaignId)
                .map(row -> new PlayedDay(row.get("station_code", String.class), row.get("day", LocalDate.class),
                        ((Number) row.get("delivered")).longValue(), ((Number) row.get("reported")).longValue()))
                .all();
    }

    /** @param delivered plays that ran their full length; {@code reported} all plays the agents sent */
    record PlayedDay(String station, LocalDate date, long delivered, long reported) {
    }

    /** Active commercial campaigns: their names by id. */
    Mono<Map<String, String>> activeCommercial() {
        return db.sql("select id, body->>'name' as name from campaign where kind = 'COMMERCIAL' and status = 'ACTIVE'")
                .map(row -> Map.entry(row.get("id", String.class), String.valueOf(row.get("name", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** How many reported past screen-hours play each plan of the version. */
    Mono<Map<String, Long>> reportedScreenHours(long version) {
        return db.sql(REPORTED_HOURS + " select plan_id, count(*) as screen_hours from reported"
                        + " where plan_id is not null group by 1")
                .bind(0, version)
                .map(row -> Map.entry(row.get("plan_id", String.class), row.get("screen_hours", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Full plays per campaign in the reported past screen-hours of the version. */
    Mono<Map<String, Long>> playedInReportedHours(long version) {
        return db.sql(REPORTED_HOURS + " select p.campaign_id, sum(p.delivered) as delivered from play_rollup p"
                        + " join reported r on r.screen_id = p.screen_id and r.hour = p.hour"
                        + " where r.plan_id is not null group by 1")
                .bind(0, version)
                .map(row -> Map.entry(row.get("campaign_id", String.class),
                        ((Number) row.get("delivered")).longValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<String> campaignName(String id) {
        return db.sql("select body->>'name' as name from campaign where id = $1")
                .bind(0, id)
                .map(row -> String.valueOf(row.get("name", String.class)))
                .one();
    }
}
