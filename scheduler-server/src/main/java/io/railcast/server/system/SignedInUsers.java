package io.railcast.server.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What this instance remembers of signed-in users: the API's remembered HTTP Basic sign-ins
 * ({@link SignInAuthentication}) and the console's sessions (the web session store in this instance's memory). A
 * feature that changes a user (disables them, changes their role or password) calls {@link #recheck} on every
 * instance, as soon as it hears of the change: remembered sign-ins of that user are forgotten, and each of their
 * sessions ends unless the user as stored now is enabled, with the same roles and password. So a disabled user's
 * next call is refused on every instance, and a user whose role or password changed signs in again.
 */
public final class SignedInUsers {

    private static final Logger log = LoggerFactory.getLogger(SignedInUsers.class);
    private static final String SECURITY_CONTEXT =
            WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private final SignInAuthentication authentication;
    private final ReactiveUserDetailsService users;
    private final ObjectProvider<WebSessionManager> sessionManager;

    SignedInUsers(
            SignInAuthentication authentication,
            ReactiveUserDetailsService users,
            ObjectProvider<WebSessionManager> sessionManager) {
        this.authentication = authentication;
        this.users = users;
        this.sessionManager = sessionManager;
    }

    /** Forgets what this instance remembers of {@code username} and ends their sessions that no longer hold. */
    public Mono<Void> recheck(String username) {
        authentication.forget(username);
        return endStaleSessions(username::equals);
    }

    /**
     * Rechecks everyone: for when changes may have been missed (an instance that was not listening for a while).
     */
    public Mono<Void> recheckAll() {
        authentication.forgetAll();
        return endStaleSessions(username -> true);
    }

    private Mono<Void> endStaleSessions(Predicate<String> whose) {
        Map<String, List<Session>> byUser = new HashMap<>();
        for (WebSession session : sessions().values()) {
            if (session.getAttributes().get(SECURITY_CONTEXT) instanceof SecurityContext context
                    && context.getAuthentication() != null
                    && whose.test(context.getAuthentication().getName())) {
                byUser.computeIfAbsent(context.getAuthentication().getName(), name -> new ArrayList<>())
                        .add(new Session(session, context.getAuthentication()));
            }
        }
        return Flux.fromIterable(byUser.entrySet())
                .concatMap(entry -> users.findByUsername(entry.getKey())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMapMany(current -> Flux.fromIterable(entry.getValue())
                                .filter(session -> !stillValid(session.signedIn(), current))
                                .concatMap(session -> {
                                    log.info("Session of '{}' ended: the user changed", entry.getKey());
                                    return session.session().invalidate();
                                })))
                .then();
    }

    private Map<String, WebSession> sessions() {
        WebSessionManager manager = sessionManager.getIfAvailable();
        if (manager instanceof DefaultWebSessionManager sessions
                && sessions.getSessionStore() instanceof InMemoryWebSessionStore store) {
            return store.getSessions();
        }
        return Map.of(); // no sessions, or a shared store: it must end them itself
    }

    /** Whether someone signed in as {@code signedIn} may go on as the user {@code current} now is. */
    static boolean stillValid(Authentication signedIn, Optional<UserDetails> current) {
        if (current.isEmpty() || !current.get().isEnabled() || !current.get().isAccountNonLocked()) {
            return false;
        }
        if (!authorities(signedIn.getAuthorities())
                .equals(authorities(current.get().getAuthorities()))) {
            return false;
        }
        return !(signedIn.getPrincipal() instanceof UserDetails then)
                || then.getPassword() == null
                || then.getPassword().equals(current.get().getPassword());
    }

    private static Set<String> authorities(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private record Session(WebSession session, Authentication signedIn) {}
}
