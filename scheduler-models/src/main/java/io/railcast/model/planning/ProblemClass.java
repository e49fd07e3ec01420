package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a screen group's hour problems are made of, and so equal for groups whose problems are equal on every day: a
 * group's problem depends on its station only through the station's operating hours, its province's PSA share and
 * its time zone (for periods out of service), and otherwise on its screen type, loop policy, periods out of service
 * and the campaigns that target it ({@link HourProblemResolver}). Across a network most stations are targeted by the
 * same national, bureau and province campaigns, so a check over the network resolves and solves each class once
 * and gives its shortfalls to every group of it, instead of once per group.
 *
 * @param campaigns the ids of the campaigns that target the group, in its order
 */
record ProblemClass(
        ScreenType type,
        LoopPolicy loopPolicy,
        DailyHours operatingHours,
        double psaShare,
        ZoneId zone,
        List<OutOfService> outOfService,
        List<String> campaigns) {

    static ProblemClass of(ScreenGroup group, PsaPolicy psaPolicy) {
        return new ProblemClass(
                group.type(),
                group.loopPolicy(),
                group.station().operatingHours(),
                psaPolicy.shareFor(group.station().province()),
                group.station().zone(),
                group.outOfService(),
                group.campaigns().stream().map(Campaign::id).toList());
    }

    /** The groups by class, each class's groups in the order given. */
    static Map<ProblemClass, List<ScreenGroup>> classify(Collection<ScreenGroup> groups, PsaPolicy psaPolicy) {
        Map<ProblemClass, List<ScreenGroup>> classes = new LinkedHashMap<>();
        for (ScreenGroup group : groups) {
            classes.computeIfAbsent(of(group, psaPolicy), key -> new ArrayList<>())
                    .add(group);
        }
        return classes;
    }
}
