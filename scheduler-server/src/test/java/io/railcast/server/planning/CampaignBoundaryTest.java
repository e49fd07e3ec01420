package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a campaign's boundary enters the horizon, and when a re-plan is then due. */
class CampaignBoundaryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final PlanningProperties HORIZON_72H =
            new PlanningProperties(72, ZONE, 0, "0 5 0 * * ?", 300, 1, 0.03, Map.of());
    private static final Instant NOW =
            LocalDateTime.parse("2026-11-24T10:00").atZone(ZONE).toInstant();

    @Test
    void picksTheFirstBoundaryToEnterTheHorizonAfterNow() {
        Campaign running = campaign("RUN", "2026-11-01T00:00", "2026-12-31T00:00");
        Campaign later = campaign("LATER", "2026-11-28T06:00", "2026-12-05T00:00");
        Campaign soonEnding = campaign("ENDS", "2026-11-20T00:00", "2026-11-27T12:00");
        Campaign over = campaign("OVER", "2026-11-01T00:00", "2026-11-25T00:00");

        assertThat(CampaignBoundarySchedule.next(List.of(running, later, soonEnding, over), NOW, HORIZON_72H))
                .contains(new CampaignBoundarySchedule.Boundary(
                        "ENDS",
                        "end",
                        LocalDateTime.parse("2026-11-24T12:00").atZone(ZONE).toInstant()));
        assertThat(CampaignBoundarySchedule.next(List.of(running, later), NOW, HORIZON_72H))
                .contains(new CampaignBoundarySchedule.Boundary(
                        "LATER",
                        "start",
                        LocalDateTime.parse("2026-11-25T06:00").atZone(ZONE).toInstant()));
        assertThat(CampaignBoundarySchedule.next(List.of(over), NOW, HORIZON_72H))
                .as("every boundary of it is inside the horizon already")
                .isEmpty();
    }

    @Test
    void isDueOnlyWhenTheLatestVersionEndsBeforeTheHorizon() {
        PublishedVersion today = version(LocalDate.parse("2026-11-24"), 4); // to 2026-11-27
        PublishedVersion yesterday = version(LocalDate.parse("2026-11-23"), 4); // to 2026-11-26
        Instant horizonEnd = NOW.plusSeconds(72 * 3600); // 2026-11-27T10:00 local
        assertThat(CampaignBoundaryJob.due(today, horizonEnd, ZONE)).isFalse();
        assertThat(CampaignBoundaryJob.due(yesterday, horizonEnd, ZONE))
                .as("the nightly re-plan was missed")
                .isTrue();
        assertThat(CampaignBoundaryJob.due(null, horizonEnd, ZONE)).isTrue();
    }

    private static PublishedVersion version(LocalDate firstDay, int days) {
        return new PublishedVersion(3, NOW, NOW, false, firstDay, days, "test");
    }

    private static Campaign campaign(String id, String start, String end) {
        return new Campaign(
                id,
                id,
                CampaignKind.FILLER,
                "ops",
                "",
                List.of(new WeightedCreative(new Creative(id + "-c", 5, Set.of(ScreenType.LCD_FRAME), "u", "0", 1), 1)),
                Targeting.NETWORK,
                new FlightWindow(LocalDateTime.parse(start), LocalDateTime.parse(end)),
                DailyHours.ALL_DAY,
                Optional.empty(),
                0,
                0);
    }
}
