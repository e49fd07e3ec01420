package io.railcast.server.network;

import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The network as other features need it: the whole of it as a domain {@link Network} for planning, a cheap
 * {@link Stamp} that changes whenever a station or screen is added, and an import for demo data.
 */
@Service
public class NetworkCatalog {

    private final StationRepository stations;
    private final ScreenRepository screens;
    private final TransactionalOperator transaction;

    NetworkCatalog(StationRepository stations, ScreenRepository screens, TransactionalOperator transaction) {
        this.stations = stations;
        this.screens = screens;
        this.transaction = transaction;
    }

    /**
     * How many stations, screens and out-of-service periods there are, when the last screen was added and when a
     * station or screen was last edited: stations, screens and periods are only ever added, and every edit moves
     * {@code lastEdited}, so an equal stamp means an equal network.
     */
    public record Stamp(long stations, long screens, Instant lastScreenAdded, long outOfService, Instant lastEdited) {}

    /** Every station and screen, read in one transaction so that they agree. */
    public Mono<Network> load() {
        Mono<Network> read = stations.all()
                .collectList()
                .zipWith(screens.all().map(StoredScreen::screen).collectList())
                .map(both -> new Network(both.getT1(), both.getT2()));
        return transaction.transactional(read);
    }

    public Mono<Stamp> stamp() {
        return screens.stamp();
    }

    /** Whether no station is stored yet. */
    public Mono<Boolean> isEmpty() {
        return stations.none();
    }

    /** Stores all stations and screens of {@code network} in one transaction; they must all be new. */
    public Mono<Void> importAll(Network network) {
        List<Station> stationList = new ArrayList<>(network.stations());
        List<Screen> screenList = new ArrayList<>(network.screens());
        Mono<Void> insert = stations.insertAll(stationList)
                .then(screenList.isEmpty() ? Mono.empty() : screens.insertAll(screenList))
                .then();
        return transaction.transactional(insert);
    }
}
