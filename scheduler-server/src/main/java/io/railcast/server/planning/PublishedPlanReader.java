package io.railcast.server.planning;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.Screen;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.PublishedPlan;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starting point of a full plan: the plan in memory when it is the latest published version's, else that version
 * as stored (after a restart, or when another instance published since), read back into the model's published plan
 * so that a server that did not make the version still re-plans from it and moves no published spot without cause.
 * Each distinct hour plan is read and parsed once, and every screen-hour that shares it shares the same object, as
 * the screens of a group do in a plan made here. Confined to the planning thread.
 */
final class PublishedPlanReader {

    private static final Logger log = LoggerFactory.getLogger(PublishedPlanReader.class);

    private final ScheduleStore store;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    PublishedPlanReader(ScheduleStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    /**
     * {@code inMemory} when it is the plan of {@code book}'s version, else that version as stored, read for the
     * book's network and campaigns; null when nothing is published.
     */
    @Nullable
    PlanResult startingPoint(@Nullable PlanResult inMemory, long inMemoryVersion, StoredBook book) {
        if (inMemory != null && inMemoryVersion == book.version()) {
            return inMemory;
        }
        if (book.version() == 0) {
            return null;
        }
        return read(book);
    }

    /** The version {@code book} belongs to, as published, as a plan of the book's network and campaigns. */
    PlanResult read(StoredBook book) {
        long started = System.nanoTime();
        PublishedVersion version =
                store.find(book.version()).blockOptional(timeout).orElseThrow();
        Map<String, VersionContent.ScreenRow> rows =
                store.rows(version.version()).block(timeout);
        Set<String> ids = new HashSet<>();
        rows.values().forEach(row -> {
            for (String id : row.planIds().split(",", -1)) {
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        });
        Map<String, HourPlan> plans = store.planBodies(ids)
                .collectMap(Map.Entry::getKey, body -> hourPlan(json.readTree(body.getValue())))
                .block(timeout);
        NetworkSchedule.Builder schedule = NetworkSchedule.builder(version.firstDay(), version.days());
        LocalDate firstDay = version.firstDay();
        for (Screen screen : book.network().screens()) {
            VersionContent.ScreenRow row = rows.get(screen.id());
            if (row == null) {
                continue; // a screen added since: the planner starts it from its group's other screens
            }
            schedule.screen(screen.id());
            String[] hours = row.planIds().split(",", -1);
            for (int i = 0; i < hours.length && i < version.days() * 24; i++) {
                if (!hours[i].isEmpty()) {
                    HourPlan plan = plans.get(hours[i]);
                    if (plan == null) {
                        throw new IllegalStateException("version " + version.version() + " lacks plan " + hours[i]);
                    }
                    schedule.put(screen.id(), firstDay.plusDays(i / 24), i % 24, plan);
                }
            }
        }
        PlanResult published = PublishedPlan.of(book.network(), book.campaigns(), schedule.build());
        log.info(
                "Read version {} back as the starting point: {} screens, {} distinct plans in {} ms",
                version.version(),
                rows.size(),
                plans.size(),
                (System.nanoTime() - started) / 1_000_000);
        return published;
    }

    /** The model's hour plan of a stored body ({@link PlanBodies#json}), whatever spacing jsonb gave its text. */
    static HourPlan hourPlan(JsonNode body) {
        JsonNode onAir = body.get("onAir");
        List<Spot> spots = new ArrayList<>();
        for (JsonNode spot : body.get("spots")) {
            spots.add(new Spot(
                    spot.get(0).asInt(),
                    spot.get(1).asInt(),
                    spot.get(2).asString(),
                    spot.get(3).asString(),
                    kind(spot.get(4).asString())));
        }
        return new HourPlan(
                new SecondRange(onAir.get("from").asInt(), onAir.get("to").asInt()), spots);
    }

    private static CampaignKind kind(String letter) {
        for (CampaignKind kind : CampaignKind.values()) {
            if (String.valueOf(PlanBodies.letter(kind)).equals(letter)) {
                return kind;
            }
        }
        throw new IllegalStateException("no campaign kind is written " + letter);
    }
}
