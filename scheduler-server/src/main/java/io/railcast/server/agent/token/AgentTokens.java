package io.railcast.server.agent.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.railcast.server.agent.AgentProperties;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Issues, revokes and checks agent tokens. A token is 32 random bytes in base64url; only its SHA-256 is stored.
 * A screen has at most one live token: issuing a new one revokes the old, so a re-provisioned screen leaves no
 * forgotten token behind.
 *
 * <p>Every agent call is checked, so tokens found valid are remembered for {@link AgentProperties.Token#cacheTtl()}
 * (only valid ones: an unknown token always costs a lookup). A revocation (or a new token, which revokes the old)
 * clears this instance's memory at once and, in the same transaction, sends {@code NOTIFY agent_token_revoked} with
 * the screen's id: every instance's listening connection ({@code events.SchedulePublications}) clears its memory
 * when it arrives, and all of it whenever that connection (re)starts listening, since notifications sent while it
 * was down are lost. So another instance refuses a revoked token within milliseconds, and within the TTL at worst.
 *
 * <p>The same news ends the event streams opened with a revoked token ({@link #revoked(String, String)}): a stream
 * is authenticated once, when it opens, and would otherwise run on for as long as the connection holds.
 */
@Service
public class AgentTokens {

    public static final String REVOKED_CHANNEL = "agent_token_revoked";
    /** The payload of a revocation that concerns too many screens to name (a notification holds 8,000 bytes). */
    public static final String ALL_SCREENS = "*";

    /** What the history calls a screen's token; its id is the screen's. */
    private static final String OBJECT_TYPE = "agent-token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final AgentTokenRepository tokens;
    private final TransactionalOperator transaction;
    private final AuditTrail audit;
    /** Valid token hashes to their screen. */
    private final Cache<String, String> valid;
    /** Screens whose tokens were revoked, or {@link #ALL_SCREENS}, as this instance hears of it. */
    private final Sinks.Many<String> revocations = Sinks.many().multicast().directBestEffort();

    AgentTokens(
            AgentTokenRepository tokens,
            TransactionalOperator transaction,
            AgentProperties properties,
            AuditTrail audit) {
        this.tokens = tokens;
        this.transaction = transaction;
        this.audit = audit;
        this.valid = Caffeine.newBuilder()
                .expireAfterWrite(properties.token().cacheTtl())
                .maximumSize(properties.token().cacheSize())
                .build();
    }

    /** A new token for the screen, replacing its previous one; recorded in the history in the same transaction. */
    Mono<IssuedToken> issue(String screenId) {
        String token = newToken();
        Mono<IssuedToken> issue = knownScreen(screenId)
                .then(tokens.revokeAll(screenId))
                .flatMap(revoked -> tokens.announceRevoked(screenId)
                        .then(tokens.insert(hash(token), screenId))
                        .flatMap(createdAt -> audit.record(issued(screenId, revoked > 0, createdAt))
                                .thenReturn(new IssuedToken(screenId, token, createdAt))));
        return transaction.transactional(issue).doOnSuccess(issued -> forget(screenId));
    }

    /**
     * A new token for each screen, replacing their previous ones, in one transaction: all are issued or none.
     * An unknown screen refuses the whole request, naming its index.
     */
    Mono<List<IssuedToken>> issueAll(List<String> screenIds) {
        List<String> clear = screenIds.stream().map(screenId -> newToken()).toList();
        String[] ids = screenIds.toArray(String[]::new);
        String[] hashes = clear.stream().map(AgentTokens::hash).toArray(String[]::new);
        Mono<List<IssuedToken>> issue = tokens.unknownScreens(ids)
                .collectList()
                .flatMap(unknown ->
                        unknown.isEmpty() ? Mono.<Void>empty() : Mono.error(unknownScreens(screenIds, unknown)))
                .thenMany(tokens.revokeAll(ids))
                .collect(HashSet<String>::new, Set::add)
                .flatMap(hadLive -> tokens.announceRevoked(ids.length == 1 ? ids[0] : ALL_SCREENS)
                        .then(tokens.insertAll(hashes, ids))
                        .flatMap(createdAt -> audit.record(screenIds.stream()
                                        .map(screen -> issued(screen, hadLive.contains(screen), createdAt))
                                        .toList())
                                .thenReturn(createdAt)))
                .map(createdAt -> {
                    List<IssuedToken> issued = new ArrayList<>(ids.length);
                    for (int i = 0; i < ids.length; i++) {
                        issued.add(new IssuedToken(ids[i], clear.get(i), createdAt));
                    }
                    return issued;
                });
        Set<String> issuedFor = Set.copyOf(screenIds);
        return transaction.transactional(issue).doOnSuccess(issued -> {
            valid.asMap().values().removeIf(issuedFor::contains);
            revocations.tryEmitNext(ids.length == 1 ? ids[0] : ALL_SCREENS);
        });
    }

    private static TokenRefusal unknownScreens(List<String> asked, List<String> unknown) {
        Set<String> missing = Set.copyOf(unknown);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < asked.size() && problems.size() < 100; i++) {
            if (missing.contains(asked.get(i))) {
                problems.add(FieldProblem.of("screens[" + i + "]", "no screen has id " + asked.get(i)));
            }
        }
        return new TokenRefusal.UnknownScreens(problems);
    }

    /** Revokes the screen's token(s), recorded in the history if one was live; answers how many were live. */
    Mono<Long> revoke(String screenId) {
        Mono<Long> revoke = knownScreen(screenId)
                .then(tokens.revokeAll(screenId))
                .flatMap(revoked -> tokens.announceRevoked(screenId)
                        .then(
                                revoked == 0
                                        ? Mono.<Void>empty()
                                        : audit.record(new AuditedChange(
                                                "revoke",
                                                OBJECT_TYPE,
                                                screenId,
                                                TokenState.before(screenId, true),
                                                TokenState.before(screenId, false))))
                        .thenReturn(revoked));
        return transaction.transactional(revoke).doOnSuccess(revoked -> forget(screenId));
    }

    /**
     * Forgets the tokens of a screen revoked on any instance, or all with {@link #ALL_SCREENS}: what a
     * {@value #REVOKED_CHANNEL} notification says.
     */
    public void revokedElsewhere(String screenId) {
        if (ALL_SCREENS.equals(screenId)) {
            forgetAll();
        } else {
            forget(screenId);
        }
    }

    /** Forgets every token: after notifications may have been missed (so open streams check theirs again too). */
    public void forgetAll() {
        valid.invalidateAll();
        revocations.tryEmitNext(ALL_SCREENS);
    }

    /**
     * Emits once the token of hash {@code tokenHash}, of the screen {@code screenId}, is found revoked: checked in
     * the database (not the memory of valid tokens) each time a revocation of the screen, or of many, is heard.
     * A check that fails counts as revoked: an agent whose stream ends reconnects, and is then checked in full.
     */
    public Mono<Void> revoked(String screenId, String tokenHash) {
        return revocations
                .asFlux()
                .filter(revoked -> revoked.equals(screenId) || revoked.equals(ALL_SCREENS))
                .onBackpressureLatest()
                .concatMap(
                        revoked -> tokens.liveScreenOf(tokenHash).hasElement().onErrorReturn(false), 1)
                .filter(live -> !live)
                .next()
                .then();
    }

    /** The screen a live token belongs to, or empty. */
    public Mono<String> screenOf(String token) {
        String hash = hash(token);
        String remembered = valid.getIfPresent(hash);
        if (remembered != null) {
            return Mono.just(remembered);
        }
        return tokens.liveScreenOf(hash).doOnNext(screenId -> valid.put(hash, screenId));
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static AuditedChange issued(String screenId, boolean hadLive, Instant createdAt) {
        return new AuditedChange(
                "issue",
                OBJECT_TYPE,
                screenId,
                TokenState.before(screenId, hadLive),
                new TokenState(screenId, true, createdAt));
    }

    private Mono<Void> knownScreen(String screenId) {
        return tokens.screenExists(screenId)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(new TokenRefusal.UnknownScreen(screenId)));
    }

    private void forget(String screenId) {
        valid.asMap().values().removeIf(screenId::equals);
        revocations.tryEmitNext(screenId);
    }
}
