package io.railcast.server.network;

import io.railcast.model.network.Screen;
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
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Adds, edits and finds screens. A request's screens are stored all together or not at all, and only in stations that
 * exist; each is recorded in the history in the same transaction.
 */
@Service
class ScreenService {

    private final ScreenRepository screens;
    private final TransactionalOperator transaction;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ScreenService(
            ScreenRepository screens,
            TransactionalOperator transaction,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.screens = screens;
        this.transaction = transaction;
        this.audit = audit;
        this.events = events;
    }

    Flux<StoredScreen> find(ScreenFilter filter, PageRequest page) {
        return screens.find(filter, page);
    }

    Mono<StoredScreen> get(String id) {
        return screens.findById(id).switchIfEmpty(Mono.error(() -> new NetworkRefusal.UnknownScreen(id)));
    }

    /** Stores all of {@code items}; answers how many. */
    Mono<Long> add(JsonItems<Screen> items) {
        List<Screen> list = items.items();
        Map<String, Integer> indexById = new HashMap<>();
        List<FieldProblem> repeated = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Integer first = indexById.putIfAbsent(list.get(i).id(), i);
            if (first != null) {
                repeated.add(new FieldProblem(
                        i, "id", "id " + list.get(i).id() + " appears twice in this request, first at index " + first));
            }
        }
        if (!repeated.isEmpty()) {
            return Mono.error(new NetworkRefusal.InvalidScreens(repeated));
        }
        if (list.isEmpty()) {
            return Mono.just(0L);
        }
        Set<String> stationCodes = new HashSet<>();
        list.forEach(screen -> stationCodes.add(screen.station()));
        Mono<Long> checkThenInsert = screens.knownStations(stationCodes)
                .collect(HashSet<String>::new, Set::add)
                .flatMap(known -> {
                    List<FieldProblem> unknown = problems(
                            items,
                            screen -> !known.contains(screen.station()),
                            "station",
                            screen -> "station " + screen.station() + " is not known");
                    return unknown.isEmpty()
                            ? screens.existingIds(indexById.keySet()).collect(HashSet<String>::new, Set::add)
                            : Mono.error(new NetworkRefusal.InvalidScreens(unknown));
                })
                .flatMap(taken -> {
                    if (taken.isEmpty()) {
                        String kind = items.array() ? "import" : "create";
                        List<AuditedChange> changes = list.stream()
                                .map(screen ->
                                        new AuditedChange(kind, "screen", screen.id(), null, ScreenPayload.of(screen)))
                                .toList();
                        return screens.insertAll(list)
                                .flatMap(count -> audit.record(changes).thenReturn(count));
                    }
                    List<FieldProblem> duplicates = problems(
                            items,
                            screen -> taken.contains(screen.id()),
                            "id",
                            screen -> "a screen with id " + screen.id() + " exists already");
                    return Mono.error(new NetworkRefusal.DuplicateScreens(taken, duplicates));
                });
        return transaction.transactional(checkThenInsert);
    }

    /**
     * Applies {@code edit} (type, zone, loop policy; the id and station never change) to the screen, refused when
     * {@code precondition} does not hold for the screen as shown (If-Match) or the result is not a valid screen.
     */
    Mono<StoredScreen> update(String id, ScreenPayload edit, Predicate<Object> precondition) {
        Mono<StoredScreen> change = screens.lock(id)
                .switchIfEmpty(Mono.error(() -> new NetworkRefusal.UnknownScreen(id)))
                .flatMap(current -> {
                    if (!precondition.test(ScreenView.of(current))) {
                        return Mono.error(new NetworkRefusal.Stale("screen", id));
                    }
                    ScreenPayload before = ScreenPayload.of(current.screen());
                    FieldErrors errors = new FieldErrors();
                    Screen next = edit.over(before).toScreen(errors);
                    if (edit.id() != null && !edit.id().strip().equals(id)) {
                        errors.add("id", "id cannot change: the screen is " + id);
                    }
                    if (edit.station() != null && !edit.station().strip().equals(before.station())) {
                        errors.add("station", "station cannot change: add a screen to the other station instead");
                    }
                    if (next == null || !errors.problems().isEmpty()) {
                        return Mono.error(new NetworkRefusal.InvalidScreens(errors.problems()));
                    }
                    AuditedChange recorded = new AuditedChange("update", "screen", id, before, ScreenPayload.of(next));
                    return screens.update(next)
                            .then(audit.record(recorded))
                            .thenReturn(new StoredScreen(next, current.createdAt()));
                });
        return transaction
                .transactional(change)
                .doOnSuccess(edited -> events.publishEvent(new NetworkCatalog.Edited("screen " + id + " edited")));
    }

    private static List<FieldProblem> problems(
            JsonItems<Screen> items, Predicate<Screen> wrong, String field, Function<Screen, String> message) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
            Screen screen = items.items().get(i);
            if (wrong.test(screen)) {
                FieldProblem problem = FieldProblem.of(field, message.apply(screen));
                problems.add(items.array() ? problem.at(i) : problem);
            }
        }
        return problems;
    }
}
