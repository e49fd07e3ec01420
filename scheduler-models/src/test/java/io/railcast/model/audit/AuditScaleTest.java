package io.railcast.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A week of the whole network: 500 stations, 5,600 screens, 300 campaigns and about a thousand shared plans, which
 * an audit must get through in a few seconds. The plans are laid out crudely (plays spread over the on-air time,
 * filler elsewhere, daily hours and cut windows ignored), so the audit finds faults; only its speed and its
 * coverage are checked here.
 */
class AuditScaleTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);
    private static final int DAYS = 7;
    private static final DailyHours[] OPENING = {
        DailyHours.parse("06:00-23:00"), DailyHours.parse("05:30-00:30"), DailyHours.ALL_DAY
    };
    private static final ScreenType[] TYPES = ScreenType.values();
    private static final Tier[] TIERS = Tier.values();

    private final List<Station> stations = new ArrayList<>();
    private final List<Screen> screens = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();
    private final Map<String, HourPlan> plans = new HashMap<>();
    private Campaign filler;

    @Test
    void auditsAWeekOfTheWholeNetworkInAFewSeconds() {
        Network network = network();
        bookings();
        NetworkSchedule schedule = schedule();
        long onAir = screens.stream()
                .mapToLong(s -> DAYS * (long) onAirHours(stationOf(s).operatingHours()))
                .sum();

        // Measured in CPU time of this thread, so that a busy build machine does not fail the test.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        AuditReport report = new ScheduleAuditor().audit(network, campaigns, PsaPolicy.DEFAULT, schedule);
        double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;

        assertThat(report.screenHours()).isEqualTo(onAir);
        assertThat(report.distinctPlans()).isBetween(500, 2_000);
        assertThat(seconds)
                .as("CPU seconds to audit %d screen-hours", report.screenHours())
                .isLessThan(4.0);
    }

    private Network network() {
        for (int s = 0; s < 500; s++) {
            stations.add(new Station(
                    "S" + s,
                    "站" + s,
                    "P" + s % 31,
                    "B" + s % 18,
                    TIERS[s % 3],
                    Station.CHINA,
                    OPENING[s % OPENING.length]));
        }
        for (int i = 0; i < 5_600; i++) {
            screens.add(new Screen(
                    "scr-" + i, "S" + i % 500, TYPES[i % 3], i % 2 == 0 ? "hall" : "gate", LoopPolicy.STANDARD));
        }
        return new Network(stations, screens);
    }

    private Station stationOf(Screen screen) {
        return stations.get(Integer.parseInt(screen.station().substring(1)));
    }

    private void bookings() {
        FlightWindow week =
                new FlightWindow(MONDAY.atStartOfDay(), MONDAY.plusDays(DAYS).atStartOfDay());
        FlightWindow firstHalf =
                new FlightWindow(MONDAY.atStartOfDay(), MONDAY.plusDays(3).atTime(12, 0));
        for (int c = 0; c < 299; c++) {
            // Each campaign reaches one tier and one screen type, so each screen sees about a ninth of them.
            Targeting targeting = Targeting.NETWORK.withTiers(TIERS[c % 3]).withScreenTypes(TYPES[c / 3 % 3]);
            Frequency frequency =
                    c % 10 == 9 ? Frequency.perDay(20) : new Frequency.PerPeriod(1 + c % 3, c % 2 == 0 ? 60 : 30);
            CampaignKind kind = c % 7 == 6 ? CampaignKind.PUBLIC_SERVICE : CampaignKind.COMMERCIAL;
            campaigns.add(AuditFixture.campaign(
                    "c" + c,
                    kind,
                    c % 5 == 0 ? "cat" + c % 4 : "",
                    targeting,
                    c % 4 == 3 ? firstHalf : week,
                    c % 2 == 0 ? DailyHours.parse("07:00-22:00") : DailyHours.ALL_DAY,
                    frequency,
                    AuditFixture.creative("cr" + c, 15, TYPES)));
        }
        filler = AuditFixture.campaign(
                "fill",
                CampaignKind.FILLER,
                "",
                Targeting.NETWORK,
                week,
                DailyHours.ALL_DAY,
                null,
                AuditFixture.creative("fill", 5, TYPES));
        campaigns.add(filler);
    }

    private NetworkSchedule schedule() {
        NetworkSchedule.Builder builder = NetworkSchedule.builder(MONDAY, DAYS);
        for (Screen screen : screens) {
            Station station = stationOf(screen);
            for (int day = 0; day < DAYS; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    SecondRange onAir = station.operatingHours().within(hour).orElse(null);
                    if (onAir != null) {
                        builder.put(
                                screen.id(),
                                MONDAY.plusDays(day),
                                hour,
                                plan(station, screen.type(), day, hour, onAir));
                    }
                }
            }
        }
        return builder.build();
    }

    /** One plan per opening hours, tier, type, day and hour, as a planner would share them. */
    private HourPlan plan(Station station, ScreenType type, int day, int hour, SecondRange onAir) {
        boolean firstHalf = day < 3 || (day == 3 && hour < 12);
        String key = station.operatingHours() + "/" + station.tier() + "/" + type + "/" + day + "/" + hour;
        return plans.computeIfAbsent(key, k -> {
            boolean[] taken = new boolean[720];
            PlanSketch sketch = PlanSketch.onAir(onAir, filler);
            for (int c = 0; c < 299; c++) {
                Campaign campaign = campaigns.get(c);
                boolean daytime = hour >= 7 && hour < 22;
                if (campaign.targeting().tiers().contains(station.tier())
                        && campaign.targeting().screenTypes().contains(type)
                        && (c % 4 != 3 || firstHalf)
                        && (c % 2 == 1 || daytime)) {
                    int plays = campaign.frequency().orElseThrow() instanceof Frequency.PerPeriod perPeriod
                            ? perPeriod.plays() * 60 / perPeriod.periodMinutes()
                            : 1;
                    for (int p = 0; p < plays; p++) {
                        place(sketch, campaign, taken, onAir, onAir.from() + p * onAir.length() / plays + c * 5);
                    }
                }
            }
            return sketch.filled();
        });
    }

    private static void place(PlanSketch sketch, Campaign campaign, boolean[] taken, SecondRange onAir, int wanted) {
        for (int slot = wanted / 5; slot * 5 + 15 <= onAir.to(); slot++) {
            if (slot * 5 >= onAir.from() && !taken[slot] && !taken[slot + 1] && !taken[slot + 2]) {
                taken[slot] = taken[slot + 1] = taken[slot + 2] = true;
                sketch.play(slot * 5, campaign);
                return;
            }
        }
    }

    private static int onAirHours(DailyHours hours) {
        int count = 0;
        for (int hour = 0; hour < 24; hour++) {
            count += hours.within(hour).isPresent() ? 1 : 0;
        }
        return count;
    }
}
