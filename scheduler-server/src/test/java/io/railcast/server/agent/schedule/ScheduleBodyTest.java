package io.railcast.server.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.agent.schedule.ScheduleBody.HourEntry;
import io.railcast.server.agent.schedule.ScheduleBody.MediaItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScheduleBodyTest {

    private static final Instant FROM = Instant.parse("2026-11-24T03:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PlanView PLAN = new PlanView(new PlanView.OnAir(0, 3600), List.of());

    @Test
    void keepsTheEtagOfAnotherVersionThatChangesNothingForTheScreen() {
        assertThat(body(42, "p1", "aa").etag()).isEqualTo(body(43, "p1", "aa").etag());
    }

    @Test
    void changesTheEtagWhenAPlanOrAMediaFileChanges() {
        String etag = body(42, "p1", "aa").etag();
        assertThat(body(42, "p2", "aa").etag()).isNotEqualTo(etag);
        assertThat(body(42, "p1", "bb").etag()).isNotEqualTo(etag);
    }

    @Test
    void gzipsTheJsonTheProtocolDescribesWithEachPlanInItsPlace() throws IOException {
        PlanView morning = new PlanView(
                new PlanView.OnAir(600, 3600),
                List.of(
                        new PlanView.SpotView(600, 15, "C-1", "CR-1", CampaignKind.COMMERCIAL),
                        new PlanView.SpotView(615, 5, "F", "CR-\"0\"", CampaignKind.FILLER)));
        PlanView evening = new PlanView(
                new PlanView.OnAir(0, 1800),
                List.of(new PlanView.SpotView(0, 30, "PSA-7", "CR-9", CampaignKind.PUBLIC_SERVICE)));
        SortedMap<String, PlanView> views = new TreeMap<>(Map.of("p-morning", morning, "p-evening", evening));
        SortedMap<String, SentPlan> sent = new TreeMap<>();
        views.forEach((id, view) -> sent.put(id, SentPlan.of(view, JSON)));
        List<HourEntry> hours =
                List.of(new HourEntry(FROM, "p-morning"), new HourEntry(FROM.plusSeconds(3600), "p-evening"));
        List<MediaItem> media = List.of(new MediaItem("CR-1", "/agent/v1/media/CR-1", "ab", 10, 15));
        ScheduleBody body = new ScheduleBody(
                "S-1",
                7,
                FROM.minusSeconds(60),
                "Asia/Shanghai",
                FROM,
                FROM.plusSeconds(7200),
                hours,
                sent,
                media,
                null,
                List.of());

        String sentJson = new String(gunzip(body.gzip(JSON, true)), StandardCharsets.UTF_8);

        // what Jackson writes for the whole body, plans included: the same bytes
        assertThat(sentJson)
                .isEqualTo(JSON.writeValueAsString(new Whole(
                        "S-1",
                        7,
                        FROM.minusSeconds(60),
                        "Asia/Shanghai",
                        FROM,
                        FROM.plusSeconds(7200),
                        hours,
                        views,
                        media,
                        null,
                        List.of())));
        assertThat(JSON.readTree(sentJson)
                        .path("plans")
                        .path("p-morning")
                        .path("spots")
                        .get(1)
                        .path("creative")
                        .asString())
                .isEqualTo("CR-\"0\"");
    }

    @Test
    void gzipsABodyWithoutPlans() throws IOException {
        ScheduleBody body = new ScheduleBody(
                "S-1", 1, FROM, "UTC", FROM, FROM, List.of(), new TreeMap<>(), List.of(), null, List.of());
        assertThat(JSON.readTree(gunzip(body.gzip(JSON, true))).path("plans").isEmpty())
                .isTrue();
    }

    /** The body as one record, as Jackson would write it whole. */
    private record Whole(
            String screenId,
            long version,
            Instant effectiveAt,
            String zone,
            Instant from,
            Instant to,
            List<HourEntry> hours,
            SortedMap<String, PlanView> plans,
            List<MediaItem> media,
            @Nullable String fallback,
            List<TakeoverItem> takeovers) {}

    private static ScheduleBody body(long version, String plan, String sha256) {
        TreeMap<String, SentPlan> plans = new TreeMap<>();
        plans.put(plan, SentPlan.of(PLAN, JSON));
        return new ScheduleBody(
                "S-1",
                version,
                Instant.now(),
                "Asia/Shanghai",
                FROM,
                FROM.plusSeconds(3600),
                List.of(new HourEntry(FROM, plan)),
                plans,
                List.of(new MediaItem("CR-1", "/agent/v1/media/CR-1", sha256, 10, 15)),
                plan,
                List.of());
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
