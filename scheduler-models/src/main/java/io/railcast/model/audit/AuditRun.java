package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.DailyHours;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One audit of one schedule. The walk over ~10^6 screen-hours does only lookups: what a screen-hour is judged
 * against is interned as an {@link HourContext} (the same for every screen with the same opening hours, type and
 * campaigns), and each (plan, context) pair is judged once however many screen-hours play it.
 *
 * <p>Every screen of the network is audited, planned or not: a schedule is every screen's plan, so a screen it
 * leaves out shows dead air and owes its plays.
 */
final class AuditRun {

    private static final int OFF_AIR = -1;

    private final Network network;
    private final CampaignBook book;
    private final PsaPolicy psaPolicy;
    private final NetworkSchedule schedule;
    private final List<LocalDate> dates;
    private final PlanJudge judge;
    private final AuditTally tally;
    // By identity, as the schedule keeps them: equal plans of different screen-hours are still judged apart.
    private final Map<HourPlan, Integer> planIndex = new IdentityHashMap<>();
    /** The plan index that stands for an on-air hour with no plan at all. */
    private final int noPlan;

    private final Map<ScreenType, List<Integer>> candidates;
    private final Map<HourContext, Integer> contextIds = new HashMap<>();
    private final List<HourContext> contexts = new ArrayList<>();
    private final Map<Long, Integer> verdictIds = new HashMap<>();
    private final List<PlanVerdict> verdicts = new ArrayList<>();
    private long[] uses = new long[256];

    AuditRun(Network network, List<Campaign> campaigns, PsaPolicy psaPolicy, NetworkSchedule schedule, int faultLimit) {
        this.network = network;
        this.book = new CampaignBook(campaigns);
        this.psaPolicy = psaPolicy;
        this.schedule = schedule;
        this.dates = schedule.dates();
        this.judge = new PlanJudge(book, faultLimit);
        this.tally = new AuditTally(faultLimit);
        List<HourPlan> plans = schedule.distinctPlans();
        for (int i = 0; i < plans.size(); i++) {
            planIndex.put(plans.get(i), i);
        }
        this.noPlan = plans.size();
        this.candidates = candidates();
    }

    AuditReport run() {
        for (String screenId : schedule.screenIds()) {
            if (network.screen(screenId).isEmpty()) {
                tally.unknownScreen(screenId);
            }
        }
        // One operating-hours pattern at a time, so the per-campaign tables of only one are held at once.
        Map<DailyHours, List<Station>> byHours = new LinkedHashMap<>();
        network.stations()
                .forEach(s -> byHours.computeIfAbsent(s.operatingHours(), h -> new ArrayList<>())
                        .add(s));
        byHours.forEach((hours, stations) -> {
            ActiveTime activeTime = new ActiveTime(hours, schedule.firstDay(), schedule.days(), book.size());
            Map<ScreenClass, int[]> contextsByClass = new HashMap<>();
            for (Station station : stations) {
                // Targeting sees a screen only through its type and zone, so its screens share few campaign lists.
                Map<List<Object>, ScreenClass> classes = new HashMap<>();
                for (Screen screen : network.screensAt(station.code())) {
                    ScreenClass screenClass = classes.computeIfAbsent(
                            List.of(screen.type(), screen.zone()),
                            k -> new ScreenClass(screen.type(), playable(station, screen)));
                    int[] ids = contextsByClass.computeIfAbsent(screenClass, c -> contextIds(activeTime, c));
                    auditScreen(station, screen, ids);
                }
            }
        });
        return tally.report(schedule.distinctPlans().size(), verdicts, Arrays.copyOf(uses, verdicts.size()), book);
    }

    /** Screens of one station alike in what they may play, so they are judged against the same contexts. */
    private record ScreenClass(ScreenType type, List<Integer> campaigns) {}

    /** The campaigns that target the screen and have a creative for it. */
    private List<Integer> playable(Station station, Screen screen) {
        List<Integer> playable = new ArrayList<>();
        for (int c : candidates.get(screen.type())) {
            if (book.get(c).targeting().matches(station, screen)) {
                playable.add(c);
            }
        }
        return playable;
    }

    /** Per screen type, the campaigns with a creative for it whose flight may touch the horizon at all. */
    private Map<ScreenType, List<Integer>> candidates() {
        // Operating days reach a day either side of the horizon's dates; a per-day share depends on them too.
        var from = schedule.firstDay().minusDays(1).atStartOfDay();
        var to = schedule.firstDay().plusDays(schedule.days() + 1L).atStartOfDay();
        Map<ScreenType, List<Integer>> candidates = new EnumMap<>(ScreenType.class);
        for (ScreenType type : ScreenType.values()) {
            List<Integer> forType = new ArrayList<>();
            for (int c = 0; c < book.size(); c++) {
                if (book.get(c).flight().overlaps(from, to)
                        && !book.get(c).creativesFor(type).isEmpty()) {
                    forType.add(c);
                }
            }
            candidates.put(type, forType);
        }
        return candidates;
    }

    private int[] contextIds(ActiveTime activeTime, ScreenClass screenClass) {
        int[] ids = new int[dates.size() * 24];
        for (int slot = 0; slot < ids.length; slot++) {
            SecondRange onAir = activeTime.onAir(slot % 24);
            if (onAir.isEmpty()) {
                ids[slot] = OFF_AIR;
                continue;
            }
            List<HourContext.Active> actives = new ArrayList<>();
            for (int c : screenClass.campaigns()) {
                Campaign campaign = book.get(c);
                SecondRange range = activeTime.active(c, campaign)[slot];
                if (!range.isEmpty()) {
                    int hourShare = campaign.frequency().orElse(null) instanceof Frequency.PerDay perDay
                            ? activeTime.owedPerDay(c, campaign, perDay)[slot]
                            : 0;
                    actives.add(new HourContext.Active(c, range, hourShare));
                }
            }
            HourContext context = new HourContext(onAir, screenClass.type(), actives);
            ids[slot] = contextIds.computeIfAbsent(context, k -> {
                contexts.add(k);
                return contexts.size() - 1;
            });
        }
        return ids;
    }

    private void auditScreen(Station station, Screen screen, int[] contextIdBySlot) {
        double psaFloor = psaPolicy.shareFor(station.province());
        String closedWith = "";
        for (int day = 0; day < dates.size(); day++) {
            LocalDate date = dates.get(day);
            long psaSeconds = 0;
            long commercialSeconds = 0;
            for (int hour = 0; hour < 24; hour++) {
                Optional<HourPlan> plan = schedule.planFor(screen.id(), date, hour);
                int context = contextIdBySlot[day * 24 + hour];
                if (context == OFF_AIR) {
                    if (plan.isPresent()) {
                        tally.offAirPlan(screen.id(), date, hour);
                    }
                    closedWith = "";
                    continue;
                }
                int planId = plan.map(planIndex::get).orElse(noPlan);
                int verdictId = verdictFor(planId, context);
                uses[verdictId]++;
                PlanVerdict verdict = verdicts.get(verdictId);
                tally.screenHour(verdict, screen.id(), date, hour);
                if (!closedWith.isEmpty() && closedWith.equals(verdict.openingCategory())) {
                    tally.separationAcrossHours(screen.id(), date, hour, closedWith);
                }
                closedWith = verdict.closingCategory();
                psaSeconds += verdict.psaSeconds();
                commercialSeconds += verdict.commercialSeconds();
            }
            tally.screenDay(screen.id(), date, psaSeconds, commercialSeconds, psaFloor);
        }
    }

    private int verdictFor(int planId, int context) {
        long key = (long) planId << 32 | context;
        Integer known = verdictIds.get(key);
        if (known != null) {
            return known;
        }
        verdicts.add(judge.judge(spotsOf(planId), contexts.get(context)));
        if (verdicts.size() > uses.length) {
            uses = Arrays.copyOf(uses, uses.length * 2);
        }
        verdictIds.put(key, verdicts.size() - 1);
        return verdicts.size() - 1;
    }

    /**
     * The plan's spots ordered by start, then end, made for one verdict and dropped after it: kept per plan, the
     * spots of every distinct plan as objects took more heap than the schedule itself (which keeps them compact).
     */
    private List<Spot> spotsOf(int planId) {
        if (planId == noPlan) {
            return List.of();
        }
        List<Spot> spots = new ArrayList<>(schedule.distinctPlans().get(planId).spots());
        spots.sort(Comparator.comparingInt(Spot::offsetSeconds).thenComparingInt(Spot::endSeconds));
        return spots;
    }
}
