package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.YieldOrder;
import io.railcast.model.network.Station;
import io.railcast.model.solver.CreativeChoice;
import io.railcast.model.solver.Demand;
import io.railcast.model.solver.Filler;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.PlayWindow;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bookings into the problem of one screen group's clock hour: which plays each campaign owes in which
 * window, which creative the rotation gives each, how much PSA airtime the share asks, and what may fill the rest.
 * Not thread-safe (it caches per-day apportionments); use one per thread.
 */
final class HourProblemResolver {

    /** A campaign's creative rotation on one type of screen. */
    private final PsaPolicy psaPolicy;

    private final DailyPlays dailyPlays = new DailyPlays(this::calendar);
    private final HourSignatures signatures;
    private final Map<Signature, HourProblem> resolved = new HashMap<>();
    private final Map<HourProblem, HourProblem> canonical = new HashMap<>();
    private final Map<Campaign, CampaignCalendar> calendars = new java.util.IdentityHashMap<>();
    private final Map<Campaign, List<CreativeChoice>> creativeChoices = new java.util.IdentityHashMap<>();
    /**
     * Equal parts of different problems (the same filler or PSA demand recurs in most hours of a group and in
     * groups alike) as one object: a server keeps every problem of the horizon for its next re-plan, and the
     * demo network's 20,000 problems held half a million filler objects before.
     */
    private final Map<Object, Object> parts = new HashMap<>();

    HourProblemResolver(PsaPolicy psaPolicy) {
        this.psaPolicy = psaPolicy;
        this.signatures = new HourSignatures(psaPolicy, dailyPlays);
    }

    /**
     * The group's problems for the 24 clock hours of {@code date}, into {@code hours} from {@code offset}: those of
     * {@link #resolve}, found among the campaigns whose flight touches the date only (a campaign off air in an hour
     * adds nothing to its problem), so that a group booked for a year is not asked about every campaign every hour.
     */
    void resolveDay(ScreenGroup group, LocalDate date, HourProblem[] hours, int offset) {
        LocalDateTime dayStart = date.atStartOfDay();
        LocalDateTime dayEnd = dayStart.plusDays(1);
        List<Campaign> flying = new ArrayList<>();
        for (Campaign campaign : group.campaigns()) {
            if (campaign.flight().start().isBefore(dayEnd)
                    && campaign.flight().end().isAfter(dayStart)) {
                flying.add(campaign);
            }
        }
        ScreenGroup today = flying.size() == group.campaigns().size() ? group : group.withCampaigns(flying);
        CampaignCalendar[] calendars = calendars(today);
        for (int hour = 0; hour < 24; hour++) {
            hours[offset + hour] = resolve(today, calendars, date, hour);
        }
    }

    /** Which days of the group's horizon repeat an earlier one ({@link RepeatingDays}). */
    RepeatingDays repeatingDays(ScreenGroup group, LocalDate firstDay, int days) {
        return RepeatingDays.of(group, firstDay, days, date -> rotationPeriod(group, date));
    }

    /**
     * The days after which every contracted campaign's creative rotation in the group is back where it stood on
     * {@code date}, or more than {@link RepeatingDays#LONGEST_PERIOD}.
     */
    private int rotationPeriod(ScreenGroup group, LocalDate date) {
        long period = 1;
        for (Campaign campaign : group.campaigns()) {
            int cycle = calendar(campaign).cycleLength(group.type());
            if (!campaign.isContracted() || cycle <= 1) {
                continue;
            }
            period = RepeatingDays.withRotation(period, cycle, dailyPlays.playsOn(group.station(), campaign, date));
            if (period > RepeatingDays.LONGEST_PERIOD) {
                return RepeatingDays.LONGEST_PERIOD + 1;
            }
        }
        return (int) period;
    }

    /**
     * The group's problem for one local hour, or null when its screens are off air then: the station is closed, or
     * the screens are out of service at some instant of the hour.
     */
    HourProblem resolve(ScreenGroup group, LocalDate date, int hour) {
        return resolve(group, calendars(group), date, hour);
    }

    /** The same, given the calendars of the group's campaigns ({@link #calendars}). */
    private HourProblem resolve(ScreenGroup group, CampaignCalendar[] calendars, LocalDate date, int hour) {
        SecondRange onAir = OnAirHours.onAir(group.station(), hour);
        if (onAir.isEmpty() || group.isOutOfService(date, hour)) {
            return null;
        }
        // 300,000 group-hours hold some 20,000 distinct problems; a cheap signature finds the repeats before a
        // problem (and its deep hash) is built again, and equal problems become one object, so memory stays flat.
        Signature signature = signatures.of(group, calendars, onAir, date, hour);
        HourProblem problem = resolved.get(signature);
        if (problem == null) {
            problem = canonical.computeIfAbsent(build(group, onAir, date, hour), built -> built);
            resolved.put(signature.copy(), problem);
        }
        return problem;
    }

    private HourProblem build(ScreenGroup group, SecondRange onAir, LocalDate date, int hour) {
        Station station = group.station();
        List<Demand> demands = new ArrayList<>();
        List<Campaign> psaPool = new ArrayList<>();
        List<Filler> fillers = new ArrayList<>();
        List<Campaign> contractedCampaigns = new ArrayList<>();
        for (Campaign campaign : group.campaigns()) {
            SecondRange active = calendar(campaign).active(station, date, hour);
            if (active.isEmpty()) {
                continue;
            }
            if (campaign.isContracted()) {
                Demand demand = contracted(group, campaign, active, date, hour);
                if (demand != null) {
                    demands.add(demand);
                    contractedCampaigns.add(campaign);
                }
            } else if (campaign.kind() == CampaignKind.PUBLIC_SERVICE) {
                psaPool.add(campaign);
            } else {
                fillers.add(shared(new Filler(campaign.id(), campaign.kind(), active, cycle(group, campaign))));
            }
        }
        rankByYieldOrder(demands, contractedCampaigns);
        double share = psaPolicy.shareFor(station.province());
        psaPool.sort(Comparator.comparingInt(Campaign::priority).reversed().thenComparing(Campaign::id));
        demands.addAll(psaShareDemands(group, psaPool, demands, share, date, hour));
        for (Campaign psa : psaPool) {
            fillers.add(shared(
                    new Filler(psa.id(), psa.kind(), calendar(psa).active(station, date, hour), cycle(group, psa))));
        }
        boolean continues = onAir.to() == SecondRange.HOUR
                && OnAirHours.onAir(station, (hour + 1) % 24).from() == 0;
        return new HourProblem(
                group.type(), group.loopPolicy().slotSeconds(), onAir, continues, share, demands, fillers);
    }

    /** Gives each contracted demand its campaign's place in the yield order among the hour's contracted campaigns. */
    private void rankByYieldOrder(List<Demand> demands, List<Campaign> campaigns) {
        List<Campaign> firstToYield = new ArrayList<>(campaigns);
        firstToYield.sort(YieldOrder.FIRST_TO_YIELD);
        for (int i = 0; i < demands.size(); i++) {
            demands.set(i, shared(demands.get(i).withPrecedence(firstToYield.indexOf(campaigns.get(i)))));
        }
    }

    private Demand contracted(ScreenGroup group, Campaign campaign, SecondRange active, LocalDate date, int hour) {
        List<PlayWindow> windows = dailyPlays.windows(group.station(), campaign, active, date, hour);
        int plays = windows.stream().mapToInt(PlayWindow::plays).sum();
        if (plays == 0) {
            return null;
        }
        List<CreativeChoice> rotation = CreativeRotation.take(
                cycle(group, campaign), dailyPlays.playsBefore(group.station(), campaign, date, hour), plays);
        return new Demand(
                campaign.id(),
                campaign.kind(),
                campaign.category(),
                true,
                windows,
                active.to(),
                rotation,
                creatives(campaign));
    }

    /**
     * PSA plays that bring PSA airtime up to the share of commercial airtime, taken in turn from the PSAs without a
     * guaranteed frequency (highest priority first), each spread over its active time.
     */
    private List<Demand> psaShareDemands(
            ScreenGroup group, List<Campaign> pool, List<Demand> contracted, double share, LocalDate date, int hour) {
        long commercial = 0;
        long publicService = 0;
        for (Demand demand : contracted) {
            if (demand.kind() == CampaignKind.COMMERCIAL) {
                commercial += demand.airtimeSeconds();
            } else if (demand.kind() == CampaignKind.PUBLIC_SERVICE) {
                publicService += demand.airtimeSeconds();
            }
        }
        long owed = (long) Math.ceil(share * commercial) - publicService;
        if (owed <= 0 || pool.isEmpty()) {
            return List.of();
        }
        int[] plays = new int[pool.size()];
        List<List<CreativeChoice>> cycles =
                pool.stream().map(psa -> cycle(group, psa)).toList();
        for (int turn = 0; owed > 0; turn++) {
            int i = turn % pool.size();
            owed -= cycles.get(i).get((hour + plays[i]) % cycles.get(i).size()).durationSeconds();
            plays[i]++;
        }
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (plays[i] > 0) {
                Campaign psa = pool.get(i);
                SecondRange active = calendar(psa).active(group.station(), date, hour);
                demands.add(shared(new Demand(
                        psa.id(),
                        psa.kind(),
                        psa.category(),
                        false,
                        List.of(new PlayWindow(active.from(), active.to(), plays[i])),
                        active.to(),
                        CreativeRotation.take(cycles.get(i), hour, plays[i]),
                        creatives(psa))));
            }
        }
        return demands;
    }

    /** The calendars of the group's campaigns, in its order: looked up once for a day's 24 hours. */
    private CampaignCalendar[] calendars(ScreenGroup group) {
        return group.campaigns().stream().map(this::calendar).toArray(CampaignCalendar[]::new);
    }

    private CampaignCalendar calendar(Campaign campaign) {
        CampaignCalendar calendar = calendars.get(campaign); // no lambda: this runs for every campaign of every hour
        if (calendar == null) {
            calendar = new CampaignCalendar(campaign, calendars.size());
            calendars.put(campaign, calendar);
        }
        return calendar;
    }

    private List<CreativeChoice> cycle(ScreenGroup group, Campaign campaign) {
        return calendar(campaign).cycle(group.type());
    }

    private List<CreativeChoice> creatives(Campaign campaign) {
        return creativeChoices.computeIfAbsent(
                campaign,
                c -> c.creatives().stream()
                        .map(w -> CreativeChoice.of(w.creative()))
                        .toList());
    }

    /** The one object equal to {@code part} (a record, so equal by value) that this resolver has handed out. */
    @SuppressWarnings("unchecked")
    private <T> T shared(T part) {
        return (T) parts.computeIfAbsent(part, p -> p);
    }
}
