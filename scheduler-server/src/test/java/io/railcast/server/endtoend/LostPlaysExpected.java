package io.railcast.server.endtoend;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a takeover of a station over [{@code from}, {@code until}) should report as lost, worked out here from the
 * published tables as the storage contract and the agent protocol describe them, apart from the server's query: on
 * each screen, a version's row is in force from its {@code effective_at} until a higher version of that screen takes
 * effect; every commercial or public-service spot of the row in force that overlaps the period while it is in force
 * is lost, once per screen, start and campaign.
 */
final class LostPlaysExpected {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Plays and seconds lost by campaign. */
    record Lost(int plays, long seconds) {}

    private record Row(long version, Instant effectiveAt, LocalDate firstDay, String[] planIds, ZoneId zone) {}

    private record Spot(String screen, Instant start, String campaign) {}

    private LostPlaysExpected() {}

    static Map<String, Lost> of(JdbcTemplate sql, String station, Instant from, Instant until) {
        Map<String, Lost> lost = new TreeMap<>();
        Set<Spot> counted = new HashSet<>();
        for (String screen :
                sql.queryForList("select id from screen where station_code = ? order by id", String.class, station)) {
            List<Row> rows = rows(sql, screen);
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Instant supersededAt = Instant.MAX;
                for (Row later : rows.subList(i + 1, rows.size())) {
                    supersededAt = later.effectiveAt().isBefore(supersededAt) ? later.effectiveAt() : supersededAt;
                }
                Instant a = row.effectiveAt().isAfter(from) ? row.effectiveAt() : from;
                Instant b = supersededAt.isBefore(until) ? supersededAt : until;
                for (Instant hour = a.truncatedTo(ChronoUnit.HOURS); hour.isBefore(b); hour = hour.plusSeconds(3600)) {
                    String plan = plan(row, hour);
                    if (plan == null) {
                        continue;
                    }
                    JsonNode body = JSON.readTree(
                            sql.queryForObject("select body::text from hour_plan where id = ?", String.class, plan));
                    for (JsonNode spot : body.path("spots")) {
                        Instant start = hour.plusSeconds(spot.get(0).asInt());
                        Instant end = start.plus(Duration.ofSeconds(spot.get(1).asInt()));
                        String campaign = spot.get(2).asString();
                        if (!spot.get(4).asString().equals("F")
                                && start.isBefore(b)
                                && end.isAfter(a)
                                && counted.add(new Spot(screen, start, campaign))) {
                            lost.merge(
                                    campaign,
                                    new Lost(1, spot.get(1).asInt()),
                                    (x, y) -> new Lost(x.plays() + y.plays(), x.seconds() + y.seconds()));
                        }
                    }
                }
            }
        }
        return lost;
    }

    private static List<Row> rows(JdbcTemplate sql, String screen) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> row : sql.queryForList(
                "select ss.version, v.effective_at, ss.first_day, ss.plan_ids, st.zone_id from screen_schedule ss"
                        + " join schedule_version v on v.version = ss.version join screen s on s.id = ss.screen_id"
                        + " join station st on st.code = s.station_code where ss.screen_id = ? order by ss.version",
                screen)) {
            try {
                rows.add(new Row(
                        ((Number) row.get("version")).longValue(),
                        ((Timestamp) row.get("effective_at")).toInstant(),
                        ((java.sql.Date) row.get("first_day")).toLocalDate(),
                        (String[]) ((Array) row.get("plan_ids")).getArray(),
                        ZoneId.of((String) row.get("zone_id"))));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }

    /** The row's plan for the clock hour starting at {@code hour}, or null (off air or beyond the row's days). */
    private static String plan(Row row, Instant hour) {
        long index = ChronoUnit.HOURS.between(
                row.firstDay().atStartOfDay(), hour.atZone(row.zone()).toLocalDateTime());
        return index < 0 || index >= row.planIds().length ? null : row.planIds()[(int) index];
    }
}
