package io.railcast.server.planning;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.model.planning.BookedAirtime;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.planning.StationAirtime;
import io.railcast.server.network.NetworkCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sold and held airtime of any days of the booking horizon, from the model ({@link BookedAirtime}: the hour problems
 * the planner will solve for those days, not a second capacity model), for the stored network, the active campaigns
 * and their make-goods (sold) and the holds in force (held). Computed off the event loop; whole-network answers are
 * kept per book: the latest version (every booking, make-good placement, change and re-plan publishes one), the
 * network's stamp and the holds in force.
 */
@Service
public class BookedInventory {

    /** Whole-network answers kept: a few months of the horizon, some 10 MB each on the demo network. */
    private static final int KEPT = 6;

    private final NetworkCatalog network;
    private final PlanningBook campaigns;
    private final HeldInventory holds;
    private final ScheduleStore store;
    private final PlanningProperties planning;
    private final BookingProperties booking;
    private final Clock clock;
    private final PsaPolicy psaPolicy;
    private final Cache<Key, Booked> kept =
            Caffeine.newBuilder().maximumSize(KEPT).build();

    /** What decides a whole-network answer. */
    private record Key(
            long version, NetworkCatalog.Stamp stamp, Set<String> held, long holds, LocalDate first, int days) {}

    /**
     * Airtime of the book as of {@code version}.
     *
     * @param stations the stations answered, by code, with their province and screens
     */
    public record Booked(long version, StationAirtime airtime, List<StationFacts> stations) {}

    /** A station answered, with how many screens it has. */
    public record StationFacts(String code, String name, String province, int screens) {}

    /** The days that may be sold: from today to the last day of the booking horizon, in the planning zone. */
    public record Horizon(LocalDate today, LocalDate lastDay) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(today) && !date.isAfter(lastDay);
        }
    }

    BookedInventory(
            NetworkCatalog network,
            PlanningBook campaigns,
            HeldInventory holds,
            ScheduleStore store,
            PlanningProperties planning,
            BookingProperties booking,
            Clock clock) {
        this.network = network;
        this.campaigns = campaigns;
        this.holds = holds;
        this.store = store;
        this.planning = planning;
        this.booking = booking;
        this.clock = clock;
        this.psaPolicy = new PsaPolicy(planning.psaShare(), planning.psaShareByProvince());
    }

    public Horizon horizon() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), planning.zone());
        return new Horizon(today, today.plus(booking.horizon()));
    }

    /**
     * Airtime from {@code first} for {@code days} days at the stations that {@code at} keeps (every station when
     * null). Whole-network answers are kept for the next asker of the same book and days.
     */
    public Mono<Booked> airtime(LocalDate first, int days, @Nullable Predicate<Station> at) {
        return Mono.zip(store.latestNumber(), network.stamp(), holds.inForce(clock.instant()))
                .flatMap(now -> {
                    HeldInventory.Holds held = now.getT3();
                    Set<String> heldIds = new TreeSet<>();
                    held.campaigns().forEach(c -> heldIds.add(c.id()));
                    Key key = new Key(now.getT1(), now.getT2(), heldIds, held.revision(), first, days);
                    Booked known = at == null ? kept.getIfPresent(key) : null;
                    if (known != null) {
                        return Mono.just(known);
                    }
                    return Mono.zip(network.load(), campaigns.campaigns(), store.latestNumber())
                            .publishOn(Schedulers.boundedElastic())
                            .map(book -> {
                                Booked booked = compute(now.getT1(), book.getT1(), book.getT2(), held, first, days, at);
                                // a booking published while the book was read: answer it, keep nothing
                                if (at == null && book.getT3() == now.getT1()) {
                                    kept.put(key, booked);
                                }
                                return booked;
                            });
                });
    }

    private Booked compute(
            long version,
            Network stored,
            List<Campaign> active,
            HeldInventory.Holds held,
            LocalDate first,
            int days,
            @Nullable Predicate<Station> at) {
        Network answered = at == null ? stored : part(stored, at);
        Set<String> ids = new HashSet<>();
        active.forEach(c -> ids.add(c.id()));
        List<Campaign> all = new ArrayList<>(active);
        Set<String> heldIds = new HashSet<>();
        for (Campaign campaign : held.campaigns()) {
            if (ids.add(campaign.id())) {
                all.add(campaign);
                heldIds.add(campaign.id());
            }
        }
        StationAirtime airtime =
                new BookedAirtime(psaPolicy, planning.plannerThreads()).of(answered, all, heldIds, first, days);
        List<StationFacts> stations = answered.stations().stream()
                .map(s -> new StationFacts(
                        s.code(),
                        s.name(),
                        s.province(),
                        answered.screensAt(s.code()).size()))
                .toList();
        return new Booked(version, airtime, stations);
    }

    /** The stations {@code at} keeps and their screens: their hour problems do not depend on the rest. */
    private static Network part(Network stored, Predicate<Station> at) {
        List<Station> stations = stored.stations().stream().filter(at).toList();
        Set<String> codes = new HashSet<>();
        stations.forEach(s -> codes.add(s.code()));
        List<Screen> screens = stored.screens().stream()
                .filter(s -> codes.contains(s.station()))
                .toList();
        Map<String, List<OutOfService>> periods = new HashMap<>();
        screens.forEach(s -> {
            if (!stored.outOfService(s.id()).isEmpty()) {
                periods.put(s.id(), stored.outOfService(s.id()));
            }
        });
        return new Network(stations, screens, periods);
    }
}
