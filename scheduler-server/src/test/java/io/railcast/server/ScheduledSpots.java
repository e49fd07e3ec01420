package io.railcast.server;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spots a screen's published versions schedule, read from the published tables as the storage contract describes
 * them: what a test reports as played, since the server counts only plays of scheduled spots near their start.
 */
public final class ScheduledSpots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A spot that starts at {@code start}, of the screen's {@code version}. */
    public record Spot(long version, Instant start, int duration, String campaign, String creative) {

        /** A play of this spot by {@code screen} from its start, as an agent reports it. */
        public Map<String, Object> play(String screen, long durationMillis) {
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("playId", UUID.randomUUID().toString());
            play.put("screenId", screen);
            play.put("campaign", campaign);
            play.put("creative", creative);
            play.put("startedAt", start.toString());
            play.put("durationMillis", durationMillis);
            play.put("scheduleVersion", version);
            return play;
        }
    }

    private ScheduledSpots() {}

    /**
     * The spots of {@code campaign} on {@code screen} starting in [{@code from}, {@code to}), in time order, each of
     * the highest version that schedules the screen in that clock hour.
     */
    public static List<Spot> of(JdbcTemplate sql, String screen, String campaign, Instant from, Instant to) {
        List<Map<String, Object>> rows = sql.queryForList(
                "select ss.version, ss.first_day, ss.plan_ids, st.zone_id"
                        + " from screen_schedule ss join screen s on s.id = ss.screen_id"
                        + " join station st on st.code = s.station_code where ss.screen_id = ? order by ss.version desc",
                screen);
        List<Spot> spots = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(to);
                hour = hour.plus(Duration.ofHours(1))) {
            for (Map<String, Object> row : rows) {
                String plan = plan(row, hour);
                if (plan != null) {
                    JsonNode body = JSON.readTree(
                            sql.queryForObject("select body::text from hour_plan where id = ?", String.class, plan));
                    for (JsonNode spot : body.path("spots")) {
                        Instant start = hour.plusSeconds(spot.get(0).asInt());
                        if (spot.get(2).asString().equals(campaign) && !start.isBefore(from) && start.isBefore(to)) {
                            spots.add(new Spot(
                                    ((Number) row.get("version")).longValue(),
                                    start,
                                    spot.get(1).asInt(),
                                    campaign,
                                    spot.get(3).asString()));
                        }
                    }
                    break;
                }
            }
        }
        return spots;
    }

    /** The row's plan for the clock hour starting at {@code hour} (of a zone with whole-hour offsets), or null. */
    private static String plan(Map<String, Object> row, Instant hour) {
        try {
            String[] planIds = (String[]) ((java.sql.Array) row.get("plan_ids")).getArray();
            ZonedDateTime local = hour.atZone(ZoneId.of((String) row.get("zone_id")));
            LocalDate firstDay = ((java.sql.Date) row.get("first_day")).toLocalDate();
            long index = ChronoUnit.DAYS.between(firstDay, local.toLocalDate()) * 24 + local.getHour();
            return index < 0 || index >= planIds.length ? null : planIds[(int) index];
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
