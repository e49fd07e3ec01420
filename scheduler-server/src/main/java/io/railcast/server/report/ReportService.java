package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The facts of the current version, read once per version: versions never change, and neither does a plan of a
 * given id, so a new version costs only the plans it adds.
 */
@Service
class ReportService {

    private final ReportRepository reports;
    private final AtomicReference<VersionFacts> cached = new AtomicReference<>();

    ReportService(ReportRepository reports) {
        this.reports = reports;
    }

    Mono<VersionFacts> current() {
        return reports.latestVersion()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no-version", "No version",
                        "No schedule version is published yet.")))
                .flatMap(latest -> {
                    VersionFacts known = cached.get();
                    if (known != null && known.version() == latest.version()) {
                        return Mono.just(known);
                    }
                    Map<String, VersionFacts.PlanFacts> before = known == null ? Map.of() : known.plans();
                    return reports.usage(latest.version()).collectList().flatMap(usage -> {
                        Set<String> ids = new HashSet<>();
                        usage.forEach(u -> ids.add(u.planId()));
                        Set<String> missing = new HashSet<>(ids);
                        missing.removeAll(before.keySet());
                        Mono<Map<String, VersionFacts.PlanFacts>> added = missing.isEmpty() ? Mono.just(Map.of())
                                : reports.planFacts(missing);
                        return added.map(fresh -> {
                            Map<String, VersionFacts.PlanFacts> plans = new HashMap<>();
                            for (String id : ids) {
                                plans.put(id, fresh.containsKey(id) ? fresh.get(id) : before.get(id));
                            }
                            return new VersionFacts(latest.version(), latest.firstDay(), latest.days(),
                                    List.copyOf(usage), Map.copyOf(plans));
                        });
                    });
                })
                .doOnNext(facts -> cached.updateAndGet(old -> old == null || old.version() <= facts.version()
                        ? facts : old));
    }

    /** 400 naming {@code field} unless {@code date} is planned by the version. */
    static void requireInHorizon(VersionFacts facts, LocalDate date, String field) {
        LocalDate last = facts.firstDay().plusDays(facts.days() - 1L);
        if (date.isBefore(facts.firstDay()) || date.isAfter(last)) {
            throw ApiProblem.invalid("outside-horizon", "Outside the horizon", List.of(FieldProblem.of(field,
                    field + " must lie in version " + facts.version() + "'s horizon, " + facts.firstDay() + " to "
                            + last + ", got " + date)));
        }
    }
}
