package io.railcast.server.audit;

import io.railcast.server.system.ClientAddress;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Records changes in the history, and reads it. Every feature that changes something records it here, as a step of
 * the change's own transaction ({@code TransactionalOperator.transactional} around both): the record is written on
 * the transaction's connection, so it is stored if and only if the change is. Outside a transaction a record is
 * stored on its own, which no change should rely on.
 *
 * <p>Who and from where come from the request being served ({@link #source()}): the signed-in user and the client's
 * address. A change stored on another thread than the request's (a booking, published on the planning thread)
 * takes its source first and hands it over.
 */
@Service
public class AuditTrail {

    /** Who changes what no signed-in user asked for. */
    public static final String SYSTEM = "system";

    private final AuditRepository log;
    private final Clock clock;

    AuditTrail(AuditRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Who makes the change the current request asks for, and from where. */
    public Mono<AuditSource> source() {
        Mono<String> user = ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .map(Authentication::getName)
                .defaultIfEmpty(SYSTEM);
        return Mono.zip(user, ClientAddress.current(), AuditSource::new);
    }

    /** Records {@code change} as made by the current request ({@link #source()}). */
    public Mono<Void> record(AuditedChange change) {
        return source().flatMap(source -> record(source, List.of(change)));
    }

    /** Records {@code change} as made by {@code source}. */
    public Mono<Void> record(AuditSource source, AuditedChange change) {
        return record(source, List.of(change));
    }

    /** Records changes made together (an import), one record each, in order, in one statement. */
    public Mono<Void> record(AuditSource source, List<AuditedChange> changes) {
        return changes.isEmpty() ? Mono.empty() : Mono.defer(() -> log.append(clock.instant(), source, changes));
    }

    /** Records changes made together by the current request. */
    public Mono<Void> record(List<AuditedChange> changes) {
        return source().flatMap(source -> record(source, changes));
    }

    /** The records {@code query} asks for, newest first, a page at a time. */
    public Mono<AuditPage> find(AuditQuery query) {
        return log.find(query).collectList().map(found -> {
            if (found.size() <= query.limit()) {
                return new AuditPage(found, null);
            }
            List<AuditRecord> page = found.subList(0, query.limit());
            return new AuditPage(
                    List.copyOf(page),
                    AuditQuery.cursor(page.get(page.size() - 1).id()));
        });
    }
}
