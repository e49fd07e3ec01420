package io.railcast.server.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Checks user name and password for HTTP Basic and the console's form, in this order:
 *
 * <ol>
 *   <li>a user name with control characters or over {@value #MAX_USERNAME} characters is refused (400);</li>
 *   <li>a user name and password verified within {@code railcast.sign-in.cache-ttl} are believed at once, so a
 *       well-behaved client's repeated Basic calls cost a hash lookup, not 80 ms of BCrypt, and are never held back
 *       by a lockout that others caused;</li>
 *   <li>a user or address locked out by {@link SignInLimits} is refused (429) without checking anything;</li>
 *   <li>otherwise BCrypt runs, off the event loop, also for a user name nobody has (against a dummy hash of the
 *       same cost), so that how long a wrong answer takes does not tell which users exist.</li>
 * </ol>
 *
 * Every refusal is logged with the user name, the address and why. A user disabled, given another role or another
 * password is forgotten at once ({@link #forget}, through {@link SignedInUsers}); a sign-in whose check was under way
 * while a user changed is believed only if the user as now stored would still sign in.
 */
final class SignInAuthentication implements ReactiveAuthenticationManager {

    static final int MAX_USERNAME = 256;
    private static final Logger log = LoggerFactory.getLogger(SignInAuthentication.class);
    private static final int MAX_CACHED = 10_000;

    private final ReactiveUserDetailsService users;
    private final PasswordEncoder encoder;
    private final SignInLimits limits;
    private final Cache<String, Authentication> verified;
    private final SecretKeySpec cacheKey;
    private final String dummyHash;
    private final MeterRegistry meters;
    /** Counts {@link #forget} calls: a check that saw it move may have read a user as it was before. */
    private final AtomicLong changes = new AtomicLong();

    SignInAuthentication(
            ReactiveUserDetailsService users,
            PasswordEncoder encoder,
            SignInLimits limits,
            SignInProperties settings,
            MeterRegistry meters) {
        this.users = users;
        this.encoder = encoder;
        this.limits = limits;
        this.meters = meters;
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.cacheTtl().isZero() ? 0 : MAX_CACHED)
                .expireAfterWrite(settings.cacheTtl())
                .build();
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        // the cache is keyed by a keyed digest, so that a heap dump does not hold a fast hash of a password
        this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
        byte[] nobody = new byte[18];
        random.nextBytes(nobody);
        this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(nobody));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication presented) {
        String username = presented.getName();
        String password = String.valueOf(presented.getCredentials());
        String malformed = malformed(username);
        return Mono.deferContextual(context -> answer(username, password, malformed, context)
                .publishOn(SignInSource.loop(context))); // see KEEP_ALIVE below
    }

    private Mono<Authentication> answer(
            String username, String password, @Nullable String malformed, ContextView context) {
        String address = SignInSource.address(context);
        if (malformed != null) {
            return refuse(username, address, "malformed", new MalformedCredentialsException(malformed));
        }
        String digest = digest(username, password);
        Authentication known = verified.getIfPresent(digest);
        if (known != null) {
            return Mono.just(known);
        }
        SignInLimits.Start start = limits.begin(username, address);
        if (start instanceof SignInLimits.Refusal refusal) {
            return refuse(
                    username,
                    address,
                    refusal.kind().name().toLowerCase() + " " + refusal.reason(),
                    new SignInRefusedException(
                            "Too many failed sign-ins for this "
                                    + refusal.kind().name().toLowerCase() + "; retry later.",
                            refusal.retryAfter()));
        }
        SignInLimits.Attempt attempt = (SignInLimits.Attempt) start;
        long seen = changes.get();
        return users.findByUsername(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.boundedElastic())
                .map(user -> check(user, password))
                .flatMap(user -> {
                    if (user.isEmpty()) {
                        attempt.failed();
                        return refuse(
                                username,
                                address,
                                "wrong user name or password",
                                new BadCredentialsException("Invalid credentials"));
                    }
                    if (!user.get().isEnabled()) {
                        // neither a success nor a failure: the password was right
                        return refuse(username, address, "disabled", new DisabledException("Disabled"));
                    }
                    new AccountStatusUserDetailsChecker().check(user.get());
                    Authentication authenticated = UsernamePasswordAuthenticationToken.authenticated(
                            user.get(), null, user.get().getAuthorities());
                    attempt.succeeded();
                    verified.put(digest, authenticated);
                    if (changes.get() == seen) {
                        return Mono.just(authenticated);
                    }
                    verified.invalidate(digest); // forget() may have run before the put
                    return recheck(username, address, authenticated);
                })
                .doFinally(signal -> attempt.abandoned());
    }

    /** Forgets the remembered sign-ins of {@code username}: the next call of theirs is checked afresh. */
    void forget(String username) {
        changes.incrementAndGet();
        verified.asMap().values().removeIf(known -> known.getName().equals(username));
    }

    /** Forgets every remembered sign-in. */
    void forgetAll() {
        changes.incrementAndGet();
        verified.invalidateAll();
    }

    /** An authentication decided while some user changed, believed only if the user as stored now would sign in. */
    private Mono<Authentication> recheck(String username, String address, Authentication authenticated) {
        return users.findByUsername(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(now -> SignedInUsers.stillValid(authenticated, now)
                        ? Mono.just(authenticated)
                        : refuse(
                                username,
                                address,
                                "changed while signing in",
                                new BadCredentialsException("Invalid credentials")));
    }

    /*
     * KEEP_ALIVE: every outcome is signalled as a task of its own on the request's event loop, never within the
     * call. A remembered sign-in or a refusal used to complete its whole request within the call, and Reactor Netty
     * 1.3.6 then stops reading a keep-alive connection whose queued request was answered that way
     * (reactor/reactor-netty#4361, #4347): the client's next request on it got no answer at all (UserApiIT waited
     * 60 s, 2 runs of 6). Through a BCrypt check every request used to leave the event loop, which is why this never
     * showed before. Not a shared scheduler: there the planner's calls queued behind hundreds of abusers' answers
     * (median 0.5 s under the abuse benchmark).
     */

    /** The user whose password this is, checked by BCrypt even when there is no such user. */
    private Optional<UserDetails> check(Optional<UserDetails> user, String password) {
        boolean matches =
                encoder.matches(password, user.map(UserDetails::getPassword).orElse(dummyHash));
        String outcome = user.isEmpty() ? "unknown-user" : matches ? "match" : "mismatch";
        Counter.builder("railcast.sign-in.password-checks")
                .tag("outcome", outcome)
                .description("passwords checked with BCrypt (not answered from the cache or refused unchecked)")
                .register(meters)
                .increment();
        return matches ? user : Optional.empty();
    }

    private Mono<Authentication> refuse(String username, String address, String why, RuntimeException answer) {
        String kind = answer instanceof SignInRefusedException
                ? "limited"
                : answer instanceof MalformedCredentialsException ? "malformed" : "wrong";
        Counter.builder("railcast.sign-in.refused")
                .tag("reason", kind)
                .description("sign-ins refused")
                .register(meters)
                .increment();
        log.info("Sign-in refused: user '{}' from {}: {}", printable(username), address, why);
        return Mono.error(answer);
    }

    /** What is wrong with {@code username}, or null when it is a name a user may have. */
    static @Nullable String malformed(String username) {
        if (username.length() > MAX_USERNAME) {
            return "the user name is longer than " + MAX_USERNAME + " characters";
        }
        for (int i = 0; i < username.length(); i++) {
            if (Character.isISOControl(username.charAt(i))) {
                return "the user name holds a control character (U+"
                        + HexFormat.of().withUpperCase().toHexDigits((short) username.charAt(i)) + ")";
            }
        }
        return null;
    }

    /** The user name as it may go into a log line: control characters escaped, cut to a sane length. */
    private static String printable(String username) {
        StringBuilder out = new StringBuilder();
        username.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return username.length() > 80 ? out + "..." : out.toString();
    }

    private String digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cacheKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // no user name holds a NUL (refused above), so the pair reads back one way
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
