package io.railcast.server.endtoend;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.MakeGood;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published version's plans of some screens of one station, read from the published tables as the storage contract
 * describes them ({@code screen_schedule}, {@code hour_plan}), apart from the server's readers, into the
 * {@link NetworkSchedule} that scheduler-models' auditor checks. A make-good spot ({@code "M"}) is stored under the
 * campaign it makes good; here it plays under its make-good's own id ({@link MakeGood#id}), so the auditor holds it
 * to what the make-good owes and the campaign's own plays to what the booking owes.
 */
final class PublishedPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedPlans() {}

    static NetworkSchedule of(JdbcTemplate sql, long version, String station, List<String> screens) {
        Map<String, Object> meta =
                sql.queryForMap("select first_day, days from schedule_version where version = ?", version);
        LocalDate firstDay = ((java.sql.Date) meta.get("first_day")).toLocalDate();
        int days = ((Number) meta.get("days")).intValue();
        NetworkSchedule.Builder schedule = NetworkSchedule.builder(firstDay, days);
        Map<String, HourPlan> read = new HashMap<>();
        for (String screen : screens) {
            schedule.screen(screen);
            Map<String, Object> row = sql.queryForMap(
                    "select first_day, plan_ids from screen_schedule where version = ? and screen_id = ?",
                    version,
                    screen);
            LocalDate rowDay = ((java.sql.Date) row.get("first_day")).toLocalDate();
            String[] planIds = planIds(row.get("plan_ids"));
            for (int i = 0; i < planIds.length; i++) {
                LocalDate date = rowDay.plusDays(i / 24);
                if (planIds[i] != null && !date.isBefore(firstDay) && date.isBefore(firstDay.plusDays(days))) {
                    String id = planIds[i];
                    HourPlan plan = read.computeIfAbsent(id + "@" + date, key -> plan(sql, id, station, date));
                    schedule.put(screen, date, i % 24, plan);
                }
            }
        }
        return schedule.build();
    }

    private static HourPlan plan(JdbcTemplate sql, String id, String station, LocalDate date) {
        JsonNode body =
                JSON.readTree(sql.queryForObject("select body::text from hour_plan where id = ?", String.class, id));
        List<Spot> spots = new ArrayList<>();
        for (JsonNode spot : body.path("spots")) {
            String campaign = spot.get(2).asString();
            if (spot.size() > 5 && spot.get(5).asString().equals("M")) {
                campaign = MakeGood.id(campaign, station, date);
            }
            spots.add(new Spot(
                    spot.get(0).asInt(),
                    spot.get(1).asInt(),
                    campaign,
                    spot.get(3).asString(),
                    kind(spot.get(4))));
        }
        JsonNode onAir = body.path("onAir");
        return new HourPlan(
                new SecondRange(onAir.get("from").asInt(), onAir.get("to").asInt()), spots);
    }

    private static CampaignKind kind(JsonNode letter) {
        switch (letter.asString()) {
            case "C":
                return CampaignKind.COMMERCIAL;
            case "P":
                return CampaignKind.PUBLIC_SERVICE;
            case "F":
                return CampaignKind.FILLER;
            default:
                throw new IllegalStateException("a spot of kind " + letter);
        }
    }

    private static String[] planIds(Object array) {
        try {
            return (String[]) ((Array) array).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
