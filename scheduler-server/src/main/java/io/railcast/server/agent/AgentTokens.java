package io.railcast.server.agent;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Issues, revokes and checks agent tokens. A token is 32 random bytes in base64url; only its SHA-256 is stored.
 * A screen has at most one live token: issuing a new one revokes the old, so a re-provisioned screen leaves no
 * forgotten token behind.
 *
 * <p>Every agent call is checked, so tokens found valid are remembered for {@link AgentProperties.Token#cacheTtl()}
 * (only valid ones: an unknown token always costs a lookup). A revocation clears this instance's memory at once;
 * other instances notice when their entry expires.
 */
@Service
class AgentTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final AgentTokenRepository tokens;
    private final TransactionalOperator transaction;
    private final long ttlNanos;
    private final int cacheSize;
    private final Map<String, Remembered> valid = new ConcurrentHashMap<>();

    AgentTokens(AgentTokenRepository tokens, TransactionalOperator transaction, AgentProperties properties) {
        this.tokens = tokens;
        this.transaction = transaction;
        this.ttlNanos = properties.token().cacheTtl().toNanos();
        this.cacheSize = properties.token().cacheSize();
    }

    /** A new token for the screen, replacing its previous one. */
    Mono<IssuedToken> issue(String screenId) {
        String token = newToken();
        Mono<IssuedToken> issue = knownScreen(screenId)
                .then(tokens.revokeAll(screenId))
                .then(tokens.insert(hash(token), screenId))
                .map(createdAt -> new IssuedToken(screenId, token, createdAt));
        return transaction.transactional(issue).doOnSuccess(issued -> forget(screenId));
    }

    /**
     * A new token for each screen, replacing their previous ones, in one transaction: all are issued or none.
     * An unknown screen refuses the whole request (400 naming its index).
     */
    Mono<List<IssuedToken>> issueAll(List<String> screenIds) {
        List<String> clear = screenIds.stream().map(screenId -> newToken()).toList();
        String[] ids = screenIds.toArray(String[]::new);
        String[] hashes = clear.stream().map(AgentTokens::hash).toArray(String[]::new);
        Mono<List<IssuedToken>> issue = tokens.unknownScreens(ids)
                .collectList()
                .flatMap(unknown -> unknown.isEmpty() ? Mono.<Void>empty() : Mono.error(unknownScreens(screenIds,
                        unknown)))
                .then(tokens.revokeAll(ids))
                .then(tokens.insertAll(hashes, ids))
                .map(createdAt -> {
                    List<IssuedToken> issued = new ArrayList<>(ids.length);
                    for (int i = 0; i < ids.length; i++) {
                        issued.add(new IssuedToken(ids[i], clear.get(i), createdAt));
                    }
                    return issued;
                });
        Set<String> issuedFor = Set.copyOf(screenIds);
        return transaction.transactional(issue)
                .doOnSuccess(issued -> valid.values().removeIf(entry -> issuedFor.contains(entry.screenId())));
    }

    private static ApiProblem unknownScreens(List<String> asked, List<String> unknown) {
        Set<String> missing = Set.copyOf(unknown);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < asked.size() && problems.size() < 100; i++) {
            if (missing.contains(asked.get(i))) {
                problems.add(FieldProblem.of("screens[" + i + "]", "no screen has id " + asked.get(i)));
            }
        }
        return ApiProblem.invalid("invalid-screens", "Invalid screens", problems);
    }

    /** Revokes the screen's token(s); answers how many were live. */
    Mono<Long> revoke(String screenId) {
        return knownScreen(screenId)
                .then(tokens.revokeAll(screenId))
                .doOnSuccess(revoked -> forget(screenId));
    }

    /** The screen a live token belongs to, or empty. */
    Mono<String> screenOf(String token) {
        String hash = hash(token);
        Remembered remembered = valid.get(hash);
        long now = System.nanoTime();
        if (remembered != null && now - remembered.checkedAt() < ttlNanos) {
            return Mono.just(remembered.screenId());
        }
        return tokens.liveScreenOf(hash).doOnNext(screenId -> remember(hash, screenId, now));
    }

    static String hash(String token) {
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

    private Mono<Void> knownScreen(String screenId) {
        return tokens.screenExists(screenId)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("unknown-screen",
                        "Unknown screen", "No screen has id " + screenId + ".")));
    }

    private void remember(String hash, String screenId, long now) {
        if (valid.size() >= cacheSize) {
            valid.values().removeIf(entry -> now - entry.checkedAt() >= ttlNanos);
            if (valid.size() >= cacheSize) {
                valid.clear(); // more live agents than the cache holds: start over rather than grow
            }
        }
        valid.put(hash, new Remembered(screenId, now));
    }

    private void forget(String screenId) {
        valid.values().removeIf(entry -> entry.screenId().equals(screenId));
    }

    private record Remembered(String screenId, long checkedAt) {
    }
}
