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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
    private final Function<String, @Nullable HourPlan> known;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    /** {@code known}: a plan this instance holds already by its content id (null when it holds none). */
    PublishedPlanReader(ScheduleStore store, Function<String, @Nullable HourPlan> known, Duration timeout) {
        this.store = store;
        this.known = known;
        this.timeout = timeout;
    }

    /**
     * {@code inMemory} when it is the plan of {@code book}'s version, else that version as stored, read for the
     * book's network and campaigns; null (a plan from scratch) when nothing is published or it cannot be read.
     */
    @Nullable
    PlanResult startingPoint(@Nullable PlanResult inMemory, long inMemoryVersion, StoredBook book) {
        if (inMemory != null && inMemoryVersion == book.version()) {
            return inMemory;
        }
        if (book.version() == 0) {
            return null;
        }
        try {
            return read(book);
        } catch (RuntimeException e) {
            // a starting point only makes the plan stable: without one it is still a plan, made from scratch
            log.warn("Version {} could not be read back; planning from scratch", book.version(), e);
            return null;
        }
    }

    /** The version {@code book} belongs to, as published, as a plan of the book's network and campaigns. */
    PlanResult read(StoredBook book) {
        long started = System.nanoTime();
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
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
        long rowsRead = System.nanoTime();
        // a version mostly repeats the plans of the one before it, which this instance holds: only the rest is read
        Map<String, HourPlan> plans = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String id : ids) {
            HourPlan plan = known.apply(id);
            if (plan != null) {
                plans.put(id, plan);
            } else {
                missing.add(id);
            }
        }
        int held = plans.size();
        LongAdder parsing = new LongAdder();
        store.planBodies(missing)
                .doOnNext(body -> {
                    long from = System.nanoTime();
                    plans.put(body.getKey(), hourPlan(body.getValue()));
                    parsing.add(System.nanoTime() - from);
                })
                .then()
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
                "Read version {} back as the starting point: {} screens, {} distinct plans ({} held already) in {} ms"
                        + " (rows {} ms, plans {} ms of which parsing {} ms), heap {} MB more",
                version.version(),
                rows.size(),
                plans.size(),
                held,
                (System.nanoTime() - started) / 1_000_000,
                (rowsRead - started) / 1_000_000,
                (System.nanoTime() - rowsRead) / 1_000_000,
                parsing.sum() / 1_000_000,
                (runtime.totalMemory() - runtime.freeMemory() - heapBefore) >> 20);
        return published;
    }

    /**
     * The model's hour plan of a stored body ({@link PlanBodies#json}), whatever order and spacing jsonb gave its
     * text: read token by token, without a tree, since a week holds thousands of them.
     */
    HourPlan hourPlan(String body) {
        int from = 0;
        int to = 0;
        List<Spot> spots = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("onAir")) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String bound = parser.currentName();
                        parser.nextToken();
                        if (bound.equals("from")) {
                            from = parser.getIntValue();
                        } else {
                            to = parser.getIntValue();
                        }
                    }
                } else {
                    while (parser.nextToken() == JsonToken.START_ARRAY) {
                        spots.add(spot(parser));
                    }
                }
            }
        }
        return new HourPlan(new SecondRange(from, to), spots);
    }

    /** {@code [offset, duration, "campaign", "creative", "C"|"P"|"F"]}, its opening bracket read. */
    private static Spot spot(JsonParser parser) {
        parser.nextToken();
        int offset = parser.getIntValue();
        parser.nextToken();
        int duration = parser.getIntValue();
        parser.nextToken();
        String campaign = parser.getString();
        parser.nextToken();
        String creative = parser.getString();
        parser.nextToken();
        CampaignKind kind = kind(parser.getString());
        expect(parser.nextToken(), JsonToken.END_ARRAY);
        return new Spot(offset, duration, campaign, creative, kind);
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("a stored hour plan has " + token + " where " + expected + " belongs");
        }
    }

    private static CampaignKind kind(String letter) {
        for (CampaignKind kind : CampaignKind.values()) {
            if (letter.length() == 1 && PlanBodies.letter(kind) == letter.charAt(0)) {
                return kind;
            }
        }
        throw new IllegalStateException("no campaign kind is written " + letter);
    }
}
