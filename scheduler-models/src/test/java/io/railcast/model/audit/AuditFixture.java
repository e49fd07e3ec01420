package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.ScreenHour;
import io.railcast.model.time.DailyHours;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One day at Beijing South, open 06:00–23:00, with two LED walls that share their plans and one LCD frame, and a
 * schedule that honours every booking. Tests break that schedule one way at a time.
 *
 * <p>Each hour on air plays, besides filler: CAR (automotive, 2/h, 07:00–22:00) at :00 and :30, SUV (automotive,
 * 1/h) at :15, PSA at :45, and on the LCD frame only TEA (beverage, 2/h, flight ending 08:30, so 1 play in hour 8)
 * at :05 and :35.
 */
final class AuditFixture {

    static final LocalDate DAY = LocalDate.of(2025, 9, 1);
    static final DailyHours OPEN = DailyHours.parse("06:00-23:00");
    static final Station BEIJING_SOUTH =
            new Station("BJN", "北京南站", "Beijing", "Beijing Bureau", Tier.HUB, Station.CHINA, OPEN);
    static final Screen LED = screen("bjn-led-1", ScreenType.LED_LARGE);
    static final Screen LED_TWIN = screen("bjn-led-2", ScreenType.LED_LARGE);
    static final Screen LCD = screen("bjn-lcd-1", ScreenType.LCD_FRAME);
    static final Network NETWORK = new Network(List.of(BEIJING_SOUTH), List.of(LED, LED_TWIN, LCD));

    static final Creative CAR_A = creative("car-a", 15, ScreenType.LED_LARGE);
    static final Creative CAR_B = creative("car-b", 15, ScreenType.LED_LARGE);
    static final Creative CAR_FRAME = creative("car-frame", 15, ScreenType.LCD_FRAME);
    static final Creative SUV_CLIP = creative("suv", 15, ScreenType.LED_LARGE, ScreenType.LCD_FRAME);
    static final Creative TEA_CLIP = creative("tea", 15, ScreenType.LED_LARGE, ScreenType.LCD_FRAME);
    static final Creative PSA_CLIP = creative("psa", 15, ScreenType.LED_LARGE, ScreenType.LCD_FRAME);
    static final Creative FILL_CLIP = creative("fill", 5, ScreenType.LED_LARGE, ScreenType.LCD_FRAME);

    static final FlightWindow MONTH =
            new FlightWindow(DAY.minusDays(15).atStartOfDay(), DAY.plusDays(15).atStartOfDay());
    static final Campaign CAR = campaign(
            "car",
            CampaignKind.COMMERCIAL,
            "automotive",
            Targeting.NETWORK,
            MONTH,
            DailyHours.parse("07:00-22:00"),
            Frequency.perHour(2),
            CAR_A,
            CAR_B,
            CAR_FRAME);
    static final Campaign SUV = campaign(
            "suv",
            CampaignKind.COMMERCIAL,
            "automotive",
            Targeting.NETWORK,
            MONTH,
            DailyHours.ALL_DAY,
            Frequency.perHour(1),
            SUV_CLIP);
    static final Campaign TEA = campaign(
            "tea",
            CampaignKind.COMMERCIAL,
            "beverage",
            Targeting.NETWORK.withScreenTypes(ScreenType.LCD_FRAME),
            new FlightWindow(DAY.minusDays(1).atStartOfDay(), DAY.atTime(8, 30)),
            DailyHours.ALL_DAY,
            Frequency.perHour(2),
            TEA_CLIP);
    static final Campaign PSA = campaign(
            "psa", CampaignKind.PUBLIC_SERVICE, "", Targeting.NETWORK, MONTH, DailyHours.ALL_DAY, null, PSA_CLIP);
    static final Campaign FILLER =
            campaign("fill", CampaignKind.FILLER, "", Targeting.NETWORK, MONTH, DailyHours.ALL_DAY, null, FILL_CLIP);
    static final List<Campaign> CAMPAIGNS = List.of(CAR, SUV, TEA, PSA, FILLER);

    /** The correct plan of each hour on air, one object per screen type and hour, as a planner shares them. */
    private static final Map<ScreenType, HourPlan[]> PLANS = new EnumMap<>(Map.of(
            ScreenType.LED_LARGE, plans(ScreenType.LED_LARGE), ScreenType.LCD_FRAME, plans(ScreenType.LCD_FRAME)));

    private AuditFixture() {}

    static Screen screen(String id, ScreenType type) {
        return new Screen(id, "BJN", type, "waiting-hall", LoopPolicy.STANDARD);
    }

    static Creative creative(String id, int seconds, ScreenType... types) {
        return new Creative(id, seconds, Set.of(types), "https://media.railcast.io/" + id + ".mp4", "00", 1_000_000);
    }

    static Campaign campaign(
            String id,
            CampaignKind kind,
            String category,
            Targeting targeting,
            FlightWindow flight,
            DailyHours dailyHours,
            Frequency frequency,
            Creative... creatives) {
        List<WeightedCreative> rotation =
                Arrays.stream(creatives).map(c -> new WeightedCreative(c, 1)).toList();
        return new Campaign(
                id,
                id,
                kind,
                "owner-" + id,
                category,
                rotation,
                targeting,
                flight,
                dailyHours,
                Optional.ofNullable(frequency),
                0,
                100_000);
    }

    private static HourPlan[] plans(ScreenType type) {
        HourPlan[] plans = new HourPlan[24];
        for (int hour = 6; hour <= 22; hour++) {
            PlanSketch sketch = PlanSketch.onAir(SecondRange.WHOLE_HOUR, FILLER)
                    .play(900, SUV)
                    .play(2700, PSA);
            if (hour >= 7 && hour < 22) {
                boolean led = type == ScreenType.LED_LARGE;
                sketch.play(0, CAR, led ? CAR_A : CAR_FRAME).play(1800, CAR, led ? CAR_B : CAR_FRAME);
            }
            if (type == ScreenType.LCD_FRAME && hour <= 8) {
                sketch.play(300, TEA);
                if (hour < 8) {
                    sketch.play(2100, TEA);
                }
            }
            plans[hour] = sketch.filled();
        }
        return plans;
    }

    /** The correct, shared plan of an hour on a type of screen; null when the station is closed. */
    static HourPlan plan(ScreenType type, int hour) {
        return PLANS.get(type)[hour];
    }

    static NetworkSchedule correctSchedule() {
        return schedule(Map.of());
    }

    /** The correct schedule, but with other plans for some screen-hours (null for none). */
    static NetworkSchedule schedule(Map<ScreenHour, HourPlan> changes) {
        NetworkSchedule.Builder builder = NetworkSchedule.builder(DAY, 1);
        for (Screen screen : NETWORK.screens()) {
            builder.screen(screen.id());
            for (int hour = 0; hour < 24; hour++) {
                ScreenHour screenHour = new ScreenHour(screen.id(), DAY, hour);
                HourPlan plan = changes.containsKey(screenHour) ? changes.get(screenHour) : plan(screen.type(), hour);
                if (plan != null) {
                    builder.put(screen.id(), DAY, hour, plan);
                }
            }
        }
        return builder.build();
    }

    /** The correct schedule with one screen-hour's plan changed. */
    static NetworkSchedule scheduleWith(Screen screen, int hour, HourPlan plan) {
        Map<ScreenHour, HourPlan> changes = new HashMap<>();
        changes.put(new ScreenHour(screen.id(), DAY, hour), plan);
        return schedule(changes);
    }

    static AuditReport audit(NetworkSchedule schedule) {
        return audit(schedule, PsaPolicy.DEFAULT);
    }

    static AuditReport audit(NetworkSchedule schedule, PsaPolicy psaPolicy) {
        return new ScheduleAuditor().audit(NETWORK, CAMPAIGNS, psaPolicy, schedule);
    }
}
