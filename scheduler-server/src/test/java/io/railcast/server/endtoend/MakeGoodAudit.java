package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.audit.AuditReport;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.MakeGood;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import io.railcast.server.endtoend.PromisedBook.Booking;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a make-good run did to {@link PromisedBook}'s campaigns, checked from {@code GET /api/v1/make-goods} and then
 * on the published plans with scheduler-models' {@link ScheduleAuditor}: every owed play is placed inside its
 * campaign's flight or reported still owed, and the plans after the run keep every contracted play, the bookings'
 * own and the make-goods', in its window, each make-good with as many plays as reported placed.
 */
final class MakeGoodAudit {

    private final JdbcTemplate sql;
    private final LocalDate cutDay;
    private final LocalDateTime ranAt;
    private final ZoneId zone;
    private final List<Campaign> campaigns = new ArrayList<>();
    /** Make-good plays reported placed, per screen, by the make-good's id. */
    private final Map<String, Long> placedPerScreen = new TreeMap<>();

    /**
     * @param book the server's active campaigns: those of the demo that reach every station (its fillers and
     *     PSAs) are taken from there, this test's own are written out in {@link PromisedBook}
     */
    MakeGoodAudit(JdbcTemplate sql, LocalDate cutDay, Instant ranAt, ZoneId zone, List<Campaign> book) {
        this.sql = sql;
        this.cutDay = cutDay;
        this.ranAt = LocalDateTime.ofInstant(ranAt, zone);
        this.zone = zone;
        campaigns.add(PromisedBook.fillerCampaign(cutDay));
        book.stream()
                .filter(campaign -> !campaign.id().startsWith(PromisedBook.PREFIX))
                .forEach(campaigns::add);
    }

    /**
     * The booking's owed plays and placements as the server reports them: owed as expected, placed on days of the
     * flight still ahead, the rest still owed; a flight with days left gets some placed, one without none.
     */
    @SuppressWarnings("unchecked")
    void owed(Booking booking, Map<String, Object> makeGoods, long expectedOwed) {
        Campaign campaign = PromisedBook.campaign(booking, cutDay);
        campaigns.add(campaign);
        List<Map<String, Object>> owed = (List<Map<String, Object>>) makeGoods.get("owed");
        assertThat(owed).as("%s owed", booking.id()).hasSize(1);
        Map<String, Object> row = owed.get(0);
        assertThat(row)
                .containsEntry("station", PromisedBook.STATION)
                .containsEntry("policy", "ON")
                .containsEntry("owed", expectedOwed);
        long placed = 0;
        for (Map<String, Object> placement : (List<Map<String, Object>>) makeGoods.get("placements")) {
            LocalDate day = LocalDate.parse((String) placement.get("day"));
            LocalDateTime from = LocalDateTime.parse((String) placement.get("from"));
            assertThat(from)
                    .as("%s made good inside its flight, after the run", booking.id())
                    .isAfterOrEqualTo(
                            ranAt.withMinute(0).withSecond(0).withNano(0).plusHours(1))
                    .isAfterOrEqualTo(campaign.flight().start())
                    .isBefore(campaign.flight().end());
            assertThat(placement).as("the screens in service").containsEntry("screens", 2L);
            long perScreen = (Long) placement.get("playsPerScreen");
            assertThat(placement).containsEntry("plays", 2 * perScreen);
            placed += 2 * perScreen;
            MakeGood makeGood = new MakeGood(booking.id(), PromisedBook.STATION, day, from, (int) perScreen);
            campaigns.add(makeGood.toCampaign(campaign));
            placedPerScreen.put(makeGood.id(), perScreen);
        }
        assertThat(row).containsEntry("placed", placed).containsEntry("stillOwed", Math.max(0, expectedOwed - placed));
        if (booking.days() > 1) {
            assertThat(placed)
                    .as("%s has flight days left with room", booking.id())
                    .isPositive();
        } else {
            assertThat(placed)
                    .as("%s's flight is over: all stays owed", booking.id())
                    .isZero();
        }
    }

    /** Audits the version's plans of the station's screens in service against the bookings and the make-goods. */
    void checkPublishedPlans(long version) {
        List<String> screens = List.of(PromisedBook.WATCHED, PromisedBook.KILLED);
        NetworkSchedule schedule = PublishedPlans.of(sql, version, PromisedBook.STATION, screens);
        AuditReport report =
                new ScheduleAuditor(100).audit(PromisedBook.cutNetwork(zone), campaigns, PsaPolicy.DEFAULT, schedule);
        assertThat(report.isFeasible())
                .as("every contracted play in its window in version %d: %s", version, report)
                .isTrue();
        assertThat(report.screenHours())
                .as("the cut hours of the version's days")
                .isEqualTo(2L * 3 * schedule.days());
        for (String screen : screens) {
            Map<String, Long> madeGood = new TreeMap<>();
            for (LocalDate date : schedule.dates()) {
                for (int hour = 0; hour < 24; hour++) {
                    for (Spot spot : schedule.planFor(screen, date, hour)
                            .map(HourPlan::spots)
                            .orElse(List.of())) {
                        if (MakeGood.madeGoodFor(spot.campaignId()).isPresent()) {
                            madeGood.merge(spot.campaignId(), 1L, Long::sum);
                        }
                    }
                }
            }
            assertThat(madeGood).as("make-good plays on %s", screen).isEqualTo(placedPerScreen);
        }
    }
}
