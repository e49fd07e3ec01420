package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.solver.Demand;
import io.railcast.model.solver.HourProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How much of each station's airtime is sold, on any day however far ahead, read from the hour problems the planner
 * solves rather than from a second capacity model. A screen-hour's on-air seconds are its problem's on-air range (none
 * when the station is closed or the screens are out of service), and its contracted seconds are the airtime of its
 * problem's contracted demands: what the bookings owe that hour, placed or not. Nothing is solved, a screen group's
 * problems are resolved with its contracted campaigns only (which make the same contracted demands), once per
 * {@link ProblemClass} and only on the days that do not repeat an earlier one ({@link RepeatingDays}).
 *
 * <p>The answer is exact for the campaigns given: it sums the very problems that
 * {@link NetworkPlanner#plan(Network, List, LocalDate, int)} would be given for those days. Sold seconds can exceed
 * on-air seconds where the book is over-sold. Not thread-safe; one per thread.
 */
public final class BookedAirtime {

    private final PsaPolicy psaPolicy;
    private final int threads;

    /** @param threads how many threads resolve problem classes at once (a resolver each) */
    public BookedAirtime(PsaPolicy psaPolicy, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.psaPolicy = psaPolicy;
        this.threads = threads;
    }

    /**
     * The airtime of every station of {@code network}, hour by hour, for {@code days} days from {@code firstDay}.
     *
     * @param campaigns the campaigns booked and held, in any order
     * @param held      the ids of those among {@code campaigns} that are only held: their contracted seconds are
     *                  counted as held, not sold
     */
    public StationAirtime of(
            Network network, List<Campaign> campaigns, Set<String> held, LocalDate firstDay, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be positive, got " + days);
        }
        // only the contracted campaigns: they make the contracted demands, alone (see contractedOnly)
        List<ScreenGroup> groups = ScreenGroups.of(network, campaigns).values().stream()
                .map(BookedAirtime::contractedOnly)
                .toList();
        List<List<ScreenGroup>> classes =
                List.copyOf(ProblemClass.classify(groups, psaPolicy).values());
        StationAirtime.Builder airtime = new StationAirtime.Builder(network, firstDay, days);
        int chunk = Math.max(1, (classes.size() + threads - 1) / threads);
        List<Callable<List<ClassHours>>> work = new ArrayList<>();
        for (int from = 0; from < classes.size(); from += chunk) {
            List<List<ScreenGroup>> slice = classes.subList(from, Math.min(classes.size(), from + chunk));
            work.add(() -> resolve(slice, held, firstDay, days));
        }
        for (List<ClassHours> resolved : run(work)) {
            for (ClassHours hours : resolved) {
                for (ScreenGroup group : hours.members()) {
                    airtime.add(
                            group.station().code(), group.screens().size(), hours.repeating()::slot, hours.perScreen());
                }
            }
        }
        return airtime.build();
    }

    /**
     * The group with its contracted campaigns only. A contracted demand is made of its own campaign, the group's
     * station, screen type and the hour ({@code HourProblemResolver.contracted}); fillers and PSAs without a
     * guaranteed frequency only add fillers and PSA-share demands, which are not contracted, and a demand's place in
     * the yield order ({@link io.railcast.model.solver.Demand#precedence}) is not counted. So the group's contracted
     * demands are those of its whole problem, while groups that differ only in what fills their hours fall into one
     * class, and their days repeat between the boundaries of contracted flights only.
     */
    private static ScreenGroup contractedOnly(ScreenGroup group) {
        List<Campaign> contracted =
                group.campaigns().stream().filter(Campaign::isContracted).toList();
        return contracted.size() == group.campaigns().size() ? group : group.withCampaigns(contracted);
    }

    /**
     * A problem class's hours: per distinct day and hour, one screen's on-air, sold and held seconds.
     *
     * @param members the groups of the class, each with these hours
     */
    private record ClassHours(List<ScreenGroup> members, RepeatingDays repeating, int[] perScreen) {}

    /** The hours of {@code classes}, with a resolver of their own (a resolver is for one thread). */
    private List<ClassHours> resolve(List<List<ScreenGroup>> classes, Set<String> held, LocalDate firstDay, int days) {
        HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
        HourProblem[] hours = new HourProblem[24];
        List<ClassHours> resolved = new ArrayList<>();
        for (List<ScreenGroup> members : classes) {
            ScreenGroup first = members.get(0);
            RepeatingDays repeating = resolver.repeatingDays(first, firstDay, days);
            int[] perScreen = new int[repeating.distinctDays() * 24 * 3];
            for (int slot = 0; slot < repeating.distinctDays(); slot++) {
                resolver.resolveDay(first, firstDay.plusDays(repeating.day(slot)), hours, 0);
                for (int hour = 0; hour < 24; hour++) {
                    count(hours[hour], held, perScreen, (slot * 24 + hour) * 3);
                }
            }
            resolved.add(new ClassHours(members, repeating, perScreen));
        }
        return resolved;
    }

    private <T> List<T> run(List<Callable<T>> work) {
        if (threads == 1 || work.size() <= 1) {
            List<T> results = new ArrayList<>();
            for (Callable<T> task : work) {
                try {
                    results.add(task.call());
                } catch (Exception e) {
                    throw new IllegalStateException("resolving hours failed", e);
                }
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "booked-airtime");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("resolving hours was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("resolving hours failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One screen-hour's on-air, sold and held seconds into {@code into} from {@code at}; nothing when off air. */
    static void count(HourProblem problem, Set<String> held, int[] into, int at) {
        if (problem == null) {
            return;
        }
        into[at] = problem.onAir().length();
        for (Demand demand : problem.demands()) {
            if (demand.contracted()) {
                into[at + (held.contains(demand.campaignId()) ? 2 : 1)] += demand.airtimeSeconds();
            }
        }
    }
}
