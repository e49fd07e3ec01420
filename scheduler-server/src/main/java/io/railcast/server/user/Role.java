package io.railcast.server.user;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What a signed-in user may do. Granted as the authority {@code ROLE_<name>}. */
public enum Role {
    /** Media planners: book commercial campaigns, upload creatives. */
    PLANNER,
    /** The CSR team: book public-service ads and fillers, upload creatives. */
    CSR,
    /** Operations: read everything, change nothing. */
    OPERATOR,
    /** Everything, including users and the network. */
    ADMIN;

    /** The roles of a signed-in caller; none for anything that is not an {@link Authentication}. */
    public static Set<Role> of(Principal principal) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (principal instanceof Authentication authentication) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                for (Role role : values()) {
                    if (("ROLE_" + role.name()).equals(authority.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
