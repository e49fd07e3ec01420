package io.railcast.server.network;

import io.railcast.model.network.Station;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Adds, edits and finds stations. A request's stations are stored all together or not at all, each recorded in the
 * history in the same transaction.
 */
@Service
class StationService {

    private final StationRepository stations;
    private final TransactionalOperator transaction;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    StationService(
            StationRepository stations,
            TransactionalOperator transaction,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.stations = stations;
        this.transaction = transaction;
        this.audit = audit;
        this.events = events;
    }

    Flux<Station> find(StationFilter filter, PageRequest page) {
        return stations.find(filter, page);
    }

    Mono<Station> get(String code) {
        return stations.findByCode(code).switchIfEmpty(Mono.error(() -> new NetworkRefusal.UnknownStation(code)));
    }

    /** Stores all of {@code items}, refusing them all if a code repeats or is taken. */
    Mono<Long> add(JsonItems<Station> items) {
        List<Station> list = items.items();
        Map<String, Integer> indexByCode = indexByCode(list);
        if (list.isEmpty()) {
            return Mono.just(0L);
        }
        String kind = items.array() ? "import" : "create";
        List<AuditedChange> changes = list.stream()
                .map(station -> new AuditedChange(kind, "station", station.code(), null, StationPayload.of(station)))
                .toList();
        Mono<Long> checkThenInsert = stations.existingCodes(indexByCode.keySet())
                .collect(HashSet<String>::new, Set::add)
                .flatMap(taken -> taken.isEmpty()
                        ? stations.insertAll(list)
                                .flatMap(count -> audit.record(changes).thenReturn(count))
                        : Mono.error(duplicate(items, taken)));
        return transaction.transactional(checkThenInsert);
    }

    /**
     * Stores all of {@code items}: those whose code is taken replace the stored station (an update, recorded with
     * before and after), the others are added; all together or, when a code repeats, none.
     */
    Mono<ImportResult.Upserted> upsert(JsonItems<Station> items) {
        List<Station> list = items.items();
        Set<String> codes = indexByCode(list).keySet();
        if (list.isEmpty()) {
            return Mono.just(new ImportResult.Upserted(0, 0));
        }
        Mono<ImportResult.Upserted> store = stations.findByCodes(codes)
                .collectMap(Station::code)
                .flatMap(stored -> {
                    List<Station> fresh = new ArrayList<>();
                    List<Station> known = new ArrayList<>();
                    List<AuditedChange> changes = new ArrayList<>();
                    for (Station station : list) {
                        Station before = stored.get(station.code());
                        (before == null ? fresh : known).add(station);
                        changes.add(new AuditedChange(
                                before == null ? "import" : "update",
                                "station",
                                station.code(),
                                before == null ? null : StationPayload.of(before),
                                StationPayload.of(station)));
                    }
                    Mono<Long> inserted = fresh.isEmpty() ? Mono.just(0L) : stations.insertAll(fresh);
                    return inserted.then(stations.updateAll(known))
                            .then(audit.record(changes))
                            .thenReturn(new ImportResult.Upserted(fresh.size(), known.size()));
                });
        return transaction.transactional(store).doOnSuccess(result -> {
            if (result.updated() > 0) {
                events.publishEvent(new NetworkCatalog.Edited(result.updated() + " stations updated by an import"));
            }
        });
    }

    /** Each station's index by code; refused when a code repeats. */
    private static Map<String, Integer> indexByCode(List<Station> list) {
        Map<String, Integer> indexByCode = new HashMap<>();
        List<FieldProblem> repeated = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Integer first = indexByCode.putIfAbsent(list.get(i).code(), i);
            if (first != null) {
                repeated.add(new FieldProblem(
                        i,
                        "code",
                        "code " + list.get(i).code() + " appears twice in this request, first at index " + first));
            }
        }
        if (!repeated.isEmpty()) {
            throw new NetworkRefusal.InvalidStations(repeated);
        }
        return indexByCode;
    }

    /**
     * Applies {@code edit} to the station (the code never changes), refused when {@code precondition} does not hold
     * for the station as stored (If-Match) or the result is not a valid station; recorded with before and after.
     */
    Mono<Station> update(String code, StationPayload edit, Predicate<Object> precondition) {
        Mono<Station> change = stations.lock(code)
                .switchIfEmpty(Mono.error(() -> new NetworkRefusal.UnknownStation(code)))
                .flatMap(current -> {
                    StationPayload before = StationPayload.of(current);
                    if (!precondition.test(before)) {
                        return Mono.error(new NetworkRefusal.Stale("station", code));
                    }
                    FieldErrors errors = new FieldErrors();
                    Station next = edit.over(before).toStation(errors);
                    if (edit.code() != null && !edit.code().strip().equals(code)) {
                        errors.add("code", "code cannot change: the station is " + code);
                    }
                    if (next == null || !errors.problems().isEmpty()) {
                        return Mono.error(new NetworkRefusal.InvalidStations(errors.problems()));
                    }
                    AuditedChange recorded =
                            new AuditedChange("update", "station", code, before, StationPayload.of(next));
                    return stations.update(next).then(audit.record(recorded)).thenReturn(next);
                });
        return transaction
                .transactional(change)
                .doOnSuccess(edited -> events.publishEvent(new NetworkCatalog.Edited("station " + code + " edited")));
    }

    private static NetworkRefusal duplicate(JsonItems<Station> items, Set<String> taken) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
            String code = items.items().get(i).code();
            if (taken.contains(code)) {
                FieldProblem problem = FieldProblem.of("code", "a station with code " + code + " exists already");
                problems.add(items.array() ? problem.at(i) : problem);
            }
        }
        return new NetworkRefusal.DuplicateStations(taken, problems);
    }
}
