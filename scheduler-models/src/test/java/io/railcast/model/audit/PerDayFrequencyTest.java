package io.railcast.model.audit;

import static io.railcast.model.audit.AuditAssertions.assertClean;
import static io.railcast.model.audit.AuditAssertions.assertFaults;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.time.DailyHours;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-day frequencies and operating days, at Shanghai Hongqiao, open 05:30–00:30, over two days.
 *
 * <ul>
 * <li>NEWS, a PSA with 2/day from 08:00 to 11:00: active 3600 s in each of hours 8, 9 and 10, so the running totals
 * round to 1, 1, 2 and the hours owe 1, 0, 1.</li>
 * <li>MORNING, 3/day from 08:30 to 10:00: 1800 s then 3600 s of 5400, running totals 1 and 3, owing 1 then 2.</li>
 * <li>LATE, 2/day from 22:00 to 00:30 with a flight that ends at 00:30 on the second day: its operating day runs
 * 22:00, 23:00 and the half hour after midnight (3600 + 3600 + 1800 s), owing 1, 1, 0. Were hour 0 counted to its
 * calendar day, the second day would owe both plays in its half hour after midnight.</li>
 * <li>NIGHT, 2/day from 23:30 to 00:30: half an hour on each side of midnight, owing 1 and 1. The half hour after
 * midnight on the first date belongs to an operating day that began before the horizon, and still owes its play.</li>
 * </ul>
 */
class PerDayFrequencyTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 9, 1);
    private static final LocalDate SECOND = FIRST.plusDays(1);
    private static final Station HONGQIAO = new Station(
            "SHH", "上海虹桥站", "Shanghai", "Shanghai Bureau", Tier.HUB, Station.CHINA, DailyHours.parse("05:30-00:30"));
    private static final Screen WALL =
            new Screen("shh-led-1", "SHH", ScreenType.LED_LARGE, "waiting-hall", LoopPolicy.STANDARD);
    private static final Network NETWORK = new Network(List.of(HONGQIAO), List.of(WALL));
    private static final FlightWindow MONTH = new FlightWindow(
            FIRST.minusDays(10).atStartOfDay(), FIRST.plusDays(10).atStartOfDay());

    private static final Campaign NEWS = campaign("news", CampaignKind.PUBLIC_SERVICE, "08:00-11:00", MONTH, 2);
    private static final Campaign MORNING = campaign("morning", CampaignKind.COMMERCIAL, "08:30-10:00", MONTH, 3);
    private static final Campaign LATE = campaign(
            "late",
            CampaignKind.COMMERCIAL,
            "22:00-00:30",
            new FlightWindow(FIRST.minusDays(5).atStartOfDay(), SECOND.atTime(0, 30)),
            2);
    private static final Campaign NIGHT = campaign("night", CampaignKind.COMMERCIAL, "23:30-00:30", MONTH, 2);
    private static final Campaign FILLER = AuditFixture.campaign(
            "fill",
            CampaignKind.FILLER,
            "",
            Targeting.NETWORK,
            MONTH,
            DailyHours.ALL_DAY,
            null,
            AuditFixture.creative("fill", 5, ScreenType.LED_LARGE));
    private static final List<Campaign> CAMPAIGNS = List.of(NEWS, MORNING, LATE, NIGHT, FILLER);

    private static Campaign campaign(String id, CampaignKind kind, String dailyHours, FlightWindow flight, int plays) {
        Creative clip = AuditFixture.creative(id, 15, ScreenType.LED_LARGE);
        return AuditFixture.campaign(
                id, kind, "", Targeting.NETWORK, flight, DailyHours.parse(dailyHours), Frequency.perDay(plays), clip);
    }

    /** Where each campaign plays, by date and hour, in the correct schedule. */
    private static Map<String, HourPlan> correctPlans() {
        Map<String, HourPlan> plans = new HashMap<>();
        for (LocalDate date : List.of(FIRST, SECOND)) {
            for (int hour = 0; hour < 24; hour++) {
                SecondRange onAir = HONGQIAO.operatingHours().within(hour).orElse(null);
                if (onAir == null) {
                    continue;
                }
                PlanSketch sketch = PlanSketch.onAir(onAir, FILLER);
                switch (hour) {
                    case 0 -> sketch.play(600, NIGHT);
                    case 8 -> sketch.play(1800, NEWS).play(2400, MORNING);
                    case 9 -> sketch.play(0, MORNING).play(1800, MORNING);
                    case 10 -> sketch.play(1800, NEWS);
                    case 22 -> {
                        if (date.equals(FIRST)) {
                            sketch.play(1800, LATE);
                        }
                    }
                    case 23 -> {
                        if (date.equals(FIRST)) {
                            sketch.play(1800, LATE);
                        }
                        sketch.play(2400, NIGHT);
                    }
                    default -> {}
                }
                plans.put(key(date, hour), sketch.filled());
            }
        }
        return plans;
    }

    private static String key(LocalDate date, int hour) {
        return date + "T" + hour;
    }

    private static NetworkSchedule schedule(Map<String, HourPlan> plans) {
        NetworkSchedule.Builder builder = NetworkSchedule.builder(FIRST, 2).screen(WALL.id());
        plans.forEach((key, plan) -> {
            String[] parts = key.split("T");
            builder.put(WALL.id(), LocalDate.parse(parts[0]), Integer.parseInt(parts[1]), plan);
        });
        return builder.build();
    }

    private static AuditReport audit(Map<String, HourPlan> plans) {
        return new ScheduleAuditor().audit(NETWORK, CAMPAIGNS, PsaPolicy.DEFAULT, schedule(plans));
    }

    @Test
    void passesPlaysApportionedByActiveSecondsOverTheOperatingDay() {
        AuditReport report = audit(correctPlans());

        assertClean(report);
        // Hours 0 and 5 to 23 of two days; hours 1 to 4 are closed.
        assertThat(report.screenHours()).isEqualTo(2 * 20);
    }

    @Test
    void owesNothingInAnHourWhoseShareRoundsAway() {
        Map<String, HourPlan> plans = correctPlans();
        plans.put(
                key(FIRST, 9),
                PlanSketch.onAir(SecondRange.WHOLE_HOUR, FILLER)
                        .play(0, MORNING)
                        .play(1200, NEWS)
                        .play(1800, MORNING)
                        .filled());
        plans.put(
                key(FIRST, 10), PlanSketch.onAir(SecondRange.WHOLE_HOUR, FILLER).filled());

        AuditReport report = audit(plans);

        // NEWS played in hour 9, which owes it nothing, instead of hour 10, which owes it one.
        assertFaults(report, "windowFaults", 1, "contractedPlaysMissing", 1);
    }

    @Test
    void owesPlaysOfACutHourInProportionToItsActiveTime() {
        Map<String, HourPlan> plans = correctPlans();
        plans.put(
                key(FIRST, 8),
                PlanSketch.onAir(SecondRange.WHOLE_HOUR, FILLER)
                        .play(1800, NEWS)
                        .play(2400, MORNING)
                        .play(3000, MORNING)
                        .filled());
        plans.put(
                key(FIRST, 9),
                PlanSketch.onAir(SecondRange.WHOLE_HOUR, FILLER)
                        .play(0, MORNING)
                        .filled());

        // MORNING's 08:30-09:00 owes one play, not two; 09:00-10:00 owes two.
        assertFaults(audit(plans), "windowFaults", 1, "contractedPlaysMissing", 1);
    }

    @Test
    void countsHourZeroToTheOperatingDayThatOpenedTheEveningBefore() {
        Map<String, HourPlan> plans = correctPlans();
        plans.put(
                key(SECOND, 0),
                PlanSketch.onAir(new SecondRange(0, 1800), FILLER)
                        .play(600, NIGHT)
                        .play(1200, LATE)
                        .filled());

        AuditReport report = audit(plans);

        // Hour 0 of the second day closes the first operating day, whose two plays were at 22:00 and 23:00.
        assertFaults(report, "windowFaults", 1);
        assertThat(report.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.date()).isEqualTo(SECOND);
            assertThat(fault.hour()).isZero();
            assertThat(fault.detail()).contains("owes 0 plays, has 1");
        });
    }

    @Test
    void reportsSpotsPastTheOnAirRangeOfAnHourCutByClosingTime() {
        Map<String, HourPlan> plans = correctPlans();
        HourPlan halfHour = plans.get(key(FIRST, 0));
        plans.put(
                key(FIRST, 0),
                PlanSketch.with(
                        halfHour,
                        PlanSketch.spot(1800, FILLER, FILLER.creatives().get(0).creative())));

        assertFaults(audit(plans), "overlaps", 1);
    }

    @Test
    void reportsAPlanForAnHourAfterClosingTime() {
        Map<String, HourPlan> plans = correctPlans();
        plans.put(key(SECOND, 3), plans.get(key(SECOND, 0)));

        assertFaults(audit(plans), "overlaps", 1);
    }

    @Test
    void reportsDeadAirInTheHalfHourAfterOpening() {
        Map<String, HourPlan> plans = correctPlans();
        plans.put(
                key(FIRST, 5),
                PlanSketch.onAir(new SecondRange(1800, 3600), FILLER).filled());
        plans.put(key(FIRST, 5), PlanSketch.without(plans.get(key(FIRST, 5)), s -> s.offsetSeconds() == 1800));

        assertFaults(audit(plans), "deadAirSeconds", 5);
    }

    @Test
    void takesTheCalendarDayForAStationOpenAllDayWhateverHourItNames() {
        // Open 05:00-05:00 is open all day. DAWN, 1/day from 04:00 to 06:00, owes its play at 04:xx of its calendar
        // day; were the day to start at 05:00, the play would be owed at 05:xx instead.
        Station allDay = new Station(
                "XAN", "西安北站", "Shaanxi", "Xi'an Bureau", Tier.MAJOR, Station.CHINA, DailyHours.parse("05:00-05:00"));
        Screen screen = new Screen("xan-led-1", "XAN", ScreenType.LED_LARGE, "waiting-hall", LoopPolicy.STANDARD);
        Campaign dawn = campaign("dawn", CampaignKind.COMMERCIAL, "04:00-06:00", MONTH, 1);
        NetworkSchedule.Builder builder = NetworkSchedule.builder(FIRST, 1);
        for (int hour = 0; hour < 24; hour++) {
            PlanSketch sketch = PlanSketch.onAir(SecondRange.WHOLE_HOUR, FILLER);
            builder.put(screen.id(), FIRST, hour, (hour == 4 ? sketch.play(1800, dawn) : sketch).filled());
        }

        AuditReport report = new ScheduleAuditor()
                .audit(
                        new Network(List.of(allDay), List.of(screen)),
                        List.of(dawn, FILLER),
                        new PsaPolicy(0, Map.of()),
                        builder.build());

        assertClean(report);
    }
}
