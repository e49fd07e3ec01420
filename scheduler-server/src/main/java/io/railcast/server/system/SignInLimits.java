package io.railcast.server.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins counted per user name and per source address, in this instance's memory (docs/architecture.md
 * says why not shared). A key with {@code attempts} failures within {@code window} is locked out for
 * {@code lockout}: every sign-in for it is refused before its password is checked, right or wrong, so a lockout
 * costs an attacker nothing to hit and the server no BCrypt. Sign-ins whose check is under way count towards the
 * limit too, so that 64 guesses sent at once cannot all slip through before the first failure is counted.
 *
 * <p>A user who signed in successfully from an address is not held back by that address's lockout (a colleague
 * behind the same NAT guessing passwords must not lock the whole office out); their own user lockout still applies.
 *
 * <p>Administrators see and clear lockouts through {@link #lockouts()} and {@link #clear}. Thread-safe.
 */
public final class SignInLimits {

    /** What a lockout holds back. */
    public enum Kind {
        USER,
        ADDRESS
    }

    /** A lockout in force: of {@code key} (a user name or an address) until {@code until}. */
    public record Lockout(Kind kind, String key, Instant until, int failures) {}

    /** The answer to {@link #begin}: go ahead and check the password, or not. */
    sealed interface Start permits Attempt, Refusal {}

    /** Why a sign-in is refused unchecked, and when to try again. */
    record Refusal(Kind kind, String reason, Duration retryAfter) implements Start {}

    private static final Logger log = LoggerFactory.getLogger(SignInLimits.class);
    /** Bounds the memory an attacker can fill with invented user names. */
    private static final int MAX_KEYS = 100_000;
    /** How long a user who signed in from an address is recognised there. */
    private static final Duration KNOWN_FOR = Duration.ofDays(7);
    /** When sign-ins under way fill the allowance: come back once they are decided. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    /**
     * Passwords checked at once for one address whose user has not signed in from there: a burst of guesses costs
     * at most one core at a time (64 at once took every core for 7 s), whatever its allowance of failures.
     */
    private static final int ADDRESS_CHECKS_AT_ONCE = 1;

    private final SignInProperties settings;
    private final Clock clock;
    private final ConcurrentMap<String, Tally> users;
    private final ConcurrentMap<String, Tally> addresses;
    private final Cache<String, Boolean> knownPairs;

    SignInLimits(SignInProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Duration kept = settings.window().plus(settings.lockout());
        this.users = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(kept)
                .<String, Tally>build()
                .asMap();
        this.addresses = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(kept)
                .<String, Tally>build()
                .asMap();
        this.knownPairs = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterWrite(KNOWN_FOR)
                .build();
    }

    /** The lockouts in force now, users first, each by key. */
    public List<Lockout> lockouts() {
        Instant now = clock.instant();
        List<Lockout> found = new ArrayList<>();
        collect(Kind.USER, users, now, found);
        collect(Kind.ADDRESS, addresses, now, found);
        found.sort(Comparator.comparing(Lockout::kind).thenComparing(Lockout::key));
        return found;
    }

    /** Lifts a lockout and forgets the failures of {@code key}; answers whether it was locked out. */
    public boolean clear(Kind kind, String key) {
        Tally removed = (kind == Kind.USER ? users : addresses).remove(key);
        boolean wasLocked = removed != null && removed.lockedAt(clock.instant());
        if (wasLocked) {
            log.info("Sign-in lockout of {} '{}' cleared", kind.name().toLowerCase(), key);
        }
        return wasLocked;
    }

    /** Counts a sign-in whose password is about to be checked, or refuses it. */
    Start begin(String username, String address) {
        Instant now = clock.instant();
        boolean addressCounts = knownPairs.getIfPresent(pair(username, address)) == null;
        if (addressCounts) {
            Refusal refused =
                    start(Kind.ADDRESS, addresses, address, settings.addressAttempts(), ADDRESS_CHECKS_AT_ONCE, now);
            if (refused != null) {
                return refused;
            }
        }
        Refusal refused = start(Kind.USER, users, username, settings.userAttempts(), settings.userAttempts(), now);
        if (refused != null) {
            if (addressCounts) {
                end(addresses, address, Outcome.ABANDONED, settings.addressAttempts(), Kind.ADDRESS);
            }
            return refused;
        }
        return new Attempt(username, address, addressCounts);
    }

    /** A sign-in under way; exactly one of its outcomes counts, whichever comes first. */
    final class Attempt implements Start {
        private final String username;
        private final String address;
        private final boolean addressCounts;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Attempt(String username, String address, boolean addressCounts) {
            this.username = username;
            this.address = address;
            this.addressCounts = addressCounts;
        }

        void succeeded() {
            finish(Outcome.SUCCEEDED);
            knownPairs.put(pair(username, address), Boolean.TRUE);
        }

        void failed() {
            finish(Outcome.FAILED);
        }

        /** The check never finished (an error, a client that went away): neither a failure nor a success. */
        void abandoned() {
            finish(Outcome.ABANDONED);
        }

        private void finish(Outcome outcome) {
            if (ended.compareAndSet(false, true)) {
                end(users, username, outcome, settings.userAttempts(), Kind.USER);
                if (addressCounts) {
                    end(addresses, address, outcome, settings.addressAttempts(), Kind.ADDRESS);
                }
            }
        }
    }

    private enum Outcome {
        SUCCEEDED,
        FAILED,
        ABANDONED
    }

    private @Nullable Refusal start(
            Kind kind, ConcurrentMap<String, Tally> tallies, String key, int attempts, int atOnce, Instant now) {
        Refusal[] refused = new Refusal[1];
        tallies.compute(key, (k, stored) -> {
            Tally tally = stored == null ? Tally.fresh(now) : stored.at(now, settings.window());
            if (tally.lockedAt(now)) {
                refused[0] = new Refusal(
                        kind,
                        "locked out after " + tally.failures() + " failed sign-ins",
                        Duration.between(now, tally.lockedUntil()));
                return tally;
            }
            if (tally.failures() + tally.inFlight() >= attempts || tally.inFlight() >= atOnce) {
                refused[0] = new Refusal(kind, tally.inFlight() + " sign-ins still being checked", BUSY_RETRY);
                return tally;
            }
            return new Tally(tally.failures(), tally.inFlight() + 1, tally.windowStart(), null);
        });
        return refused[0];
    }

    private void end(ConcurrentMap<String, Tally> tallies, String key, Outcome outcome, int attempts, Kind kind) {
        Instant now = clock.instant();
        tallies.computeIfPresent(key, (k, stored) -> {
            Tally tally = stored.at(now, settings.window());
            int inFlight = Math.max(0, tally.inFlight() - 1);
            int failures = switch (outcome) {
                case FAILED -> tally.failures() + 1;
                // the user proved who they are; an address's other failures still count
                case SUCCEEDED -> kind == Kind.USER ? 0 : tally.failures();
                case ABANDONED -> tally.failures();
            };
            Instant lockedUntil = tally.lockedUntil();
            if (lockedUntil == null && failures >= attempts) {
                lockedUntil = now.plus(settings.lockout());
                log.warn(
                        "Sign-in of {} '{}' locked out until {} after {} failures within {}",
                        kind.name().toLowerCase(),
                        key,
                        lockedUntil,
                        failures,
                        settings.window());
            }
            return failures == 0 && inFlight == 0 && lockedUntil == null
                    ? null
                    : new Tally(failures, inFlight, tally.windowStart(), lockedUntil);
        });
    }

    private static void collect(Kind kind, Map<String, Tally> tallies, Instant now, List<Lockout> found) {
        tallies.forEach((key, tally) -> {
            if (tally.lockedAt(now)) {
                found.add(new Lockout(kind, key, tally.lockedUntil(), tally.failures()));
            }
        });
    }

    private static String pair(String username, String address) {
        return username + '\n' + address; // neither may hold a line feed
    }

    /** Failures since {@code windowStart}, checks under way, and the end of a lockout when one is in force. */
    private record Tally(
            int failures,
            int inFlight,
            Instant windowStart,
            @Nullable Instant lockedUntil) {

        static Tally fresh(Instant now) {
            return new Tally(0, 0, now, null);
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** This tally as it stands at {@code now}: an ended lockout or window starts afresh. */
        Tally at(Instant now, Duration window) {
            boolean lockoutOver = lockedUntil != null && !now.isBefore(lockedUntil);
            boolean windowOver = lockedUntil == null && !now.isBefore(windowStart.plus(window));
            return lockoutOver || windowOver ? new Tally(0, inFlight, now, null) : this;
        }
    }
}
