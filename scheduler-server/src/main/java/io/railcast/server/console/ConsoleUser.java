package io.railcast.server.console;

import io.railcast.server.user.Role;
import java.security.Principal;
import java.util.Set;

/**
 * Who is signed in to the console and what the pages may offer them; the API enforces the same rights again.
 *
 * @param bookCommercial may book and change commercial campaigns (planners, admins)
 * @param bookPublicService may book public-service ads and fillers (the CSR team, admins)
 * @param manageNetwork may import stations and screens (admins)
 * @param replan may start a full re-plan (admins)
 */
record ConsoleUser(
        String username,
        Set<Role> roles,
        boolean bookCommercial,
        boolean bookPublicService,
        boolean manageNetwork,
        boolean replan) {

    static ConsoleUser of(Principal principal) {
        Set<Role> roles = Role.of(principal);
        boolean admin = roles.contains(Role.ADMIN);
        return new ConsoleUser(
                principal.getName(),
                roles,
                admin || roles.contains(Role.PLANNER),
                admin || roles.contains(Role.CSR),
                admin,
                admin);
    }
}
