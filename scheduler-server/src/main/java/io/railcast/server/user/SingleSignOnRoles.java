package io.railcast.server.user;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the RailCast role out of an ID token's claims, as {@link SingleSignOnProperties} maps them. */
final class SingleSignOnRoles {

    private final String claim;
    private final Map<String, Role> mapping;

    SingleSignOnRoles(String claim, Map<String, Role> mapping) {
        this.claim = claim;
        this.mapping = Map.copyOf(mapping);
    }

    /** The claim's values, a string or a list of them, found by walking a dotted path into nested objects. */
    List<String> values(Map<String, Object> claims) {
        @Nullable Object value = claims;
        for (String step : claim.split("\\.")) {
            value = value instanceof Map<?, ?> object ? object.get(step) : null;
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /**
     * The one role these claims give: ADMIN if any value maps to it (it may do everything the others may), else
     * the one role they map to; empty when they map to none, or to two that RailCast cannot hold at once.
     */
    Optional<Role> role(Map<String, Object> claims) {
        Set<Role> roles = mapped(claims);
        if (roles.contains(Role.ADMIN)) {
            return Optional.of(Role.ADMIN);
        }
        return roles.size() == 1 ? Optional.of(roles.iterator().next()) : Optional.empty();
    }

    /** Every role the claim's values map to. */
    Set<Role> mapped(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims)) {
            Role role = mapping.get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    String claim() {
        return claim;
    }
}
