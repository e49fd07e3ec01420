package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.agent.ScheduleBody.HourEntry;
import io.railcast.server.agent.ScheduleBody.MediaItem;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScheduleBodyTest {

    private static final Instant FROM = Instant.parse("2026-11-24T03:00:00Z");
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

    private static ScheduleBody body(long version, String plan, String sha256) {
        TreeMap<String, PlanView> plans = new TreeMap<>();
        plans.put(plan, PLAN);
        return new ScheduleBody("S-1", version, Instant.now(), "Asia/Shanghai", FROM, FROM.plusSeconds(3600),
                List.of(new HourEntry(FROM, plan)), plans,
                List.of(new MediaItem("CR-1", "/agent/v1/media/CR-1", sha256, 10, 15)), plan);
    }
}
