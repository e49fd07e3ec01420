package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.user.Role;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may book what: media planners commercial campaigns, the CSR team public-service ads and fillers, admins
 * everything; operators nothing. Checked against both the stored and the new kind of a change, so nobody turns a
 * campaign into a kind they could not book.
 */
final class BookingRights {

    private BookingRights() {}

    static Set<CampaignKind> of(Set<Role> roles) {
        Set<CampaignKind> kinds = EnumSet.noneOf(CampaignKind.class);
        if (roles.contains(Role.ADMIN)) {
            kinds.addAll(EnumSet.allOf(CampaignKind.class));
        }
        if (roles.contains(Role.PLANNER)) {
            kinds.add(CampaignKind.COMMERCIAL);
        }
        if (roles.contains(Role.CSR)) {
            kinds.add(CampaignKind.PUBLIC_SERVICE);
            kinds.add(CampaignKind.FILLER);
        }
        return kinds;
    }

    /** Refuses ({@link CampaignRefusal.KindNotAllowed}) unless {@code user} may book campaigns of {@code kind}. */
    static void require(Principal user, CampaignKind kind) {
        if (!of(Role.of(user)).contains(kind)) {
            throw new CampaignRefusal.KindNotAllowed(user.getName(), kind);
        }
    }
}
