package io.railcast.server.report;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The reads behind the inventory's station × hour view: the screen-hours of one province's stations. */
@Repository
class InventoryHourRepository {

    private final DatabaseClient db;

    InventoryHourRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * How many screens of each station of {@code province} play each plan in each local hour of day
     * {@code dayIndex} (0 for the version's first day); off-air hours have no plan and are left out.
     */
    Flux<HourUsage> usage(long version, int dayIndex, String province) {
        return db.sql("select sc.station_code, ((x.i - 1) % 24)::int as hour, x.plan_id, count(*) as screens"
                        + " from screen_schedule ss join screen sc on sc.id = ss.screen_id"
                        + " join station st on st.code = sc.station_code"
                        + " cross join lateral unnest(ss.plan_ids) with ordinality as x(plan_id, i)"
                        + " where ss.version = $1 and x.i between $2 and $3 and st.province = $4"
                        + " and x.plan_id is not null group by 1, 2, 3")
                .bind(0, version)
                .bind(1, dayIndex * 24 + 1)
                .bind(2, dayIndex * 24 + 24)
                .bind(3, province)
                .map(row -> new HourUsage(
                        row.get("station_code", String.class),
                        row.get("hour", Integer.class),
                        row.get("plan_id", String.class),
                        row.get("screens", Long.class)))
                .all();
    }

    /** {@code screens} screens of {@code station} play plan {@code planId} in local hour {@code hour}. */
    record HourUsage(String station, int hour, String planId, long screens) {}
}
