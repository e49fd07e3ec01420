package io.railcast.server.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.Collection;
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
 * given id, so a new version costs only the plans it adds. Plans are kept by id, so the alerts' plans of older
 * versions are read once too.
 */
@Service
class ReportService {

    /**
     * Plans whose facts are kept; a version of the demo network has about 18,000 distinct plans, and most of them
     * are shared with the versions before and after it.
     */
    static final int PLAN_CACHE = 50_000;

    private final ReportRepository reports;
    private final AtomicReference<VersionFacts> cached = new AtomicReference<>();
    private final Cache<String, VersionFacts.PlanFacts> plans =
            Caffeine.newBuilder().maximumSize(PLAN_CACHE).build();

    ReportService(ReportRepository reports) {
        this.reports = reports;
    }

    Mono<VersionFacts> current() {
        return reports.latestVersion()
                .switchIfEmpty(Mono.error(ReportRefusal.NoVersion::new))
                .flatMap(latest -> {
                    VersionFacts known = cached.get();
                    if (known != null && known.version() == latest.version()) {
                        return Mono.just(known);
                    }
                    return reports.usage(latest.version()).collectList().flatMap(usage -> {
                        Set<String> ids = new HashSet<>();
                        usage.forEach(u -> ids.add(u.planId()));
                        return plans(ids)
                                .map(facts -> new VersionFacts(
                                        latest.version(), latest.firstDay(), latest.days(), List.copyOf(usage), facts));
                    });
                })
                .doOnNext(facts ->
                        cached.updateAndGet(old -> old == null || old.version() <= facts.version() ? facts : old));
    }

    /**
     * What each of the plans holds, of any version, by id: those kept are not read again. A plan no longer stored
     * (its versions retired) is missing from the answer.
     */
    Mono<Map<String, VersionFacts.PlanFacts>> plans(Collection<String> ids) {
        Map<String, VersionFacts.PlanFacts> known = plans.getAllPresent(ids);
        if (known.size() == ids.size()) {
            return Mono.just(Map.copyOf(known));
        }
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(known.keySet());
        return reports.planFacts(missing).map(fresh -> {
            plans.putAll(fresh);
            Map<String, VersionFacts.PlanFacts> all = new HashMap<>(known);
            all.putAll(fresh);
            return Map.copyOf(all);
        });
    }

    /** Refuses ({@link ReportRefusal.OutsideHorizon}, naming {@code field}) unless the version plans {@code date}. */
    static void requireInHorizon(VersionFacts facts, LocalDate date, String field) {
        LocalDate last = facts.firstDay().plusDays(facts.days() - 1L);
        if (date.isBefore(facts.firstDay()) || date.isAfter(last)) {
            throw new ReportRefusal.OutsideHorizon(field, facts.version(), facts.firstDay(), last, date);
        }
    }
}
