package io.railcast.server.report;

import io.railcast.server.report.PublicServiceView.Aired;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the public-service report's figures from the stored tables: {@code creative_delivery} (what aired, per
 * creative, station and day, stored with the plays) and {@code campaign_delivery} (what guaranteed PSAs were
 * contracted). Every statement takes the period's first and last day as $1 and $2; nothing is summed in memory but
 * rows already grouped here, so every instance answers alike.
 */
@Repository
class StoredPublicService {

    /** PSA plays of the period, with their campaign's kind checked against the campaign table. */
    private static final String PSA = "from creative_delivery d"
            + " join campaign c on c.id = d.campaign_id and c.kind = 'PUBLIC_SERVICE' %s"
            + " where d.day between $1 and $2 and d.played_plays > 0";

    private static final String AIRED = "count(distinct d.creative_id) as versions, sum(d.played_plays) as plays,"
            + " sum(d.played_millis) as millis ";

    private static final String VERSIONS = "select d.creative_id, array_agg(distinct d.campaign_id) as campaigns,"
            + " count(distinct d.station_code) as stations, " + AIRED + PSA.formatted("") + " group by 1 order by 1";

    private static final String MONTHS =
            "select to_char(d.day, 'YYYY-MM') as month, " + AIRED + PSA.formatted("") + " group by 1 order by 1";

    private static final String STATIONS = "select to_char(d.day, 'YYYY-MM') as month, st.province, st.code,"
            + " st.name, " + AIRED + PSA.formatted("join station st on st.code = d.station_code")
            + " group by 1, 2, 3, 4 order by 1, 2, 3";

    private static final String TOTAL = "select " + AIRED + PSA.formatted("");

    /** Every province, with PSA and commercial full plays of the period (filler counts for neither). */
    private static final String PROVINCES = """
            select st.province,
                   count(distinct d.creative_id) filter (where c.kind = 'PUBLIC_SERVICE' and d.played_plays > 0)
                       as versions,
                   coalesce(sum(d.played_plays) filter (where c.kind = 'PUBLIC_SERVICE'), 0) as plays,
                   coalesce(sum(d.played_millis) filter (where c.kind = 'PUBLIC_SERVICE'), 0) as millis,
                   coalesce(sum(d.played_millis) filter (where c.kind = 'COMMERCIAL'), 0) as commercial_millis
            from station st
            left join creative_delivery d on d.station_code = st.code and d.day between $1 and $2
            left join campaign c on c.id = d.campaign_id
            group by 1 order by 1
            """;

    /**
     * PSAs with a guaranteed frequency, by campaign, over the period's days: owed plays as the make-good feature
     * last counted them ({@code make_good_owed}, every cause; none for a day it has not counted), make-good plays as
     * {@code campaign_delivery} holds them.
     */
    private static final String GUARANTEED = """
            select d.campaign_id, coalesce(c.body ->> 'name', '') as name,
                   coalesce(sum(d.contracted_plays), 0) as contracted, sum(d.played_plays) as played,
                   sum(d.make_good_plays) as make_good,
                   coalesce(sum(o.shortfall_plays + o.takeover_plays + o.not_played_plays), 0) as owed,
                   count(*) filter (where d.contracted_plays is null) as unplanned
            from campaign c
            join campaign_delivery d on d.campaign_id = c.id
            left join make_good_owed o
                on o.campaign_id = d.campaign_id and o.station_code = d.station_code and o.day = d.day
            where c.kind = 'PUBLIC_SERVICE' and c.body ->> 'frequency' is not null and d.day between $1 and $2
              and (d.contracted_plays > 0 or d.played_plays > 0 or d.reported_plays > 0 or d.lost_plays > 0
                   or d.make_good_plays > 0)
            group by 1, 2 order by 1
            """;

    private final DatabaseClient db;

    StoredPublicService(DatabaseClient db) {
        this.db = db;
    }

    Mono<Aired> total(ReportPeriod.Days period) {
        return period(TOTAL, period).map(StoredPublicService::aired).one();
    }

    Flux<PublicServiceView.Version> versions(ReportPeriod.Days period) {
        return period(VERSIONS, period)
                .map(row -> new PublicServiceView.Version(
                        row.get("creative_id", String.class),
                        Stream.of(row.get("campaigns", String[].class)).sorted().toList(),
                        number(row.get("stations")),
                        aired(row)))
                .all();
    }

    Flux<PublicServiceView.Month> months(ReportPeriod.Days period) {
        return period(MONTHS, period)
                .map(row -> new PublicServiceView.Month(row.get("month", String.class), aired(row)))
                .all();
    }

    Flux<PublicServiceView.Station> stations(ReportPeriod.Days period) {
        return period(STATIONS, period)
                .map(row -> new PublicServiceView.Station(
                        row.get("month", String.class),
                        row.get("province", String.class),
                        row.get("code", String.class),
                        row.get("name", String.class),
                        aired(row)))
                .all();
    }

    /** Per province: PSA airtime and commercial milliseconds, without floors (the caller sets them). */
    Flux<ProvinceAirtime> provinces(ReportPeriod.Days period) {
        return period(PROVINCES, period)
                .map(row -> new ProvinceAirtime(
                        row.get("province", String.class),
                        aired(row),
                        number(row.get("millis")),
                        number(row.get("commercial_millis"))))
                .all();
    }

    record ProvinceAirtime(String province, Aired aired, long psaMillis, long commercialMillis) {}

    Flux<PublicServiceView.Guaranteed> guaranteed(ReportPeriod.Days period) {
        return period(GUARANTEED, period)
                .map(row -> new PublicServiceView.Guaranteed(
                        row.get("campaign_id", String.class),
                        row.get("name", String.class),
                        number(row.get("contracted")),
                        number(row.get("played")),
                        number(row.get("make_good")),
                        number(row.get("owed")),
                        number(row.get("unplanned"))))
                .all();
    }

    private DatabaseClient.GenericExecuteSpec period(String sql, ReportPeriod.Days period) {
        return db.sql(sql).bind(0, period.from()).bind(1, period.to());
    }

    private static Aired aired(io.r2dbc.spi.Readable row) {
        return Aired.of(number(row.get("versions")), number(row.get("plays")), number(row.get("millis")));
    }

    /** A count or sum as PostgreSQL answers it (bigint or numeric; null for a sum of no rows). */
    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
