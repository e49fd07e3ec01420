package io.railcast.server.network;

import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.server.audit.AuditSource;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The network as other features need it: the whole of it as a domain {@link Network} for planning (with when its
 * screens are out of service), a cheap {@link Stamp} that changes whenever a station or screen is added or edited
 * or taken out of service, taking out of service, and an import for demo data.
 */
@Service
public class NetworkCatalog {

    private final StationRepository stations;
    private final ScreenRepository screens;
    private final OutOfServiceRepository outOfService;
    private final TransactionalOperator transaction;
    private final AuditTrail audit;

    NetworkCatalog(
            StationRepository stations,
            ScreenRepository screens,
            OutOfServiceRepository outOfService,
            TransactionalOperator transaction,
            AuditTrail audit) {
        this.stations = stations;
        this.screens = screens;
        this.outOfService = outOfService;
        this.transaction = transaction;
        this.audit = audit;
    }

    /**
     * How many stations, screens and out-of-service periods there are, when the last screen was added and when a
     * station or screen was last edited: stations, screens and periods are only ever added, and every edit moves
     * {@code lastEdited}, so an equal stamp means an equal network.
     */
    public record Stamp(long stations, long screens, Instant lastScreenAdded, long outOfService, Instant lastEdited) {}

    /**
     * Published (as a Spring application event) once an edit of a station or screen is stored, so that planning
     * plans the network as edited and publishes it without waiting for its next run.
     *
     * @param reason what was edited, for people (the version's reason)
     */
    public record Edited(String reason) {}

    /** What a period out of service is recorded as in the history. */
    record OutOfServiceView(Instant from, @Nullable Instant until, boolean retired, String reason) {}

    /** Every station and screen with their periods out of service, read in one transaction so that they agree. */
    public Mono<Network> load() {
        Mono<Network> read = Mono.zip(
                        stations.all().collectList(),
                        screens.all().map(StoredScreen::screen).collectList(),
                        outOfService.all().collectList())
                .map(all -> network(all.getT1(), all.getT2(), all.getT3()));
        return transaction.transactional(read);
    }

    /** A station's period applies to each of its screens, a screen's to that screen. */
    private static Network network(
            List<Station> stationList, List<Screen> screenList, List<OutOfServiceRepository.Row> rows) {
        Map<String, List<String>> screensByStation = new LinkedHashMap<>();
        screenList.forEach(screen -> screensByStation
                .computeIfAbsent(screen.station(), code -> new ArrayList<>())
                .add(screen.id()));
        Map<String, List<OutOfService>> periods = new LinkedHashMap<>();
        for (OutOfServiceRepository.Row row : rows) {
            List<String> ids = row.screenId() != null
                    ? List.of(row.screenId())
                    : screensByStation.getOrDefault(row.stationCode(), List.of());
            ids.forEach(
                    id -> periods.computeIfAbsent(id, key -> new ArrayList<>()).add(row.period()));
        }
        return new Network(stationList, screenList, periods);
    }

    public Mono<Stamp> stamp() {
        return screens.stamp();
    }

    /** The ids of the screens of station {@code code}; refused (404) when no station has that code. */
    public Mono<Set<String>> screensOfStation(String code) {
        return stations.findByCode(code)
                .switchIfEmpty(Mono.error(() -> new NetworkRefusal.UnknownStation(code)))
                .flatMap(station -> screens.idsAt(code).collect(LinkedHashSet<String>::new, Set::add));
    }

    /** The screen's id alone; refused (404) when no screen has it. */
    public Mono<Set<String>> screen(String id) {
        return screens.findById(id)
                .switchIfEmpty(Mono.error(() -> new NetworkRefusal.UnknownScreen(id)))
                .map(stored -> Set.of(stored.screen().id()));
    }

    /**
     * Stores that the station {@code code} (every screen of it) or, when {@code wholeStation} is false, the screen
     * {@code id} is out of service for {@code period}, recorded in the history as done by {@code source}. Runs in the
     * caller's transaction (the publication of the version that plans it).
     */
    public Mono<Void> takeOutOfService(
            boolean wholeStation, String id, OutOfService period, String reason, AuditSource source) {
        OutOfServiceRepository.Row row = wholeStation
                ? new OutOfServiceRepository.Row(id, null, period)
                : new OutOfServiceRepository.Row(null, id, period);
        AuditedChange change = new AuditedChange(
                period.isRetirement() ? "retire" : "out-of-service",
                wholeStation ? "station" : "screen",
                id,
                null,
                new OutOfServiceView(period.from(), period.until(), period.isRetirement(), reason));
        return outOfService.insert(row, reason).then(audit.record(source, change));
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
