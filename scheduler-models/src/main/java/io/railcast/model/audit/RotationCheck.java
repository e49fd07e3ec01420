package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each campaign's plays per creative stray from its rotation weights. Judged per screen type, because only
 * the creatives made for a type can play on it: a campaign with one LED and one LCD creative of equal weight plays
 * its LED creative every time on an LED wall, and that is right.
 *
 * <p>Only contracted campaigns are judged. Fillers and PSAs without a frequency fill gaps by what fits the time left,
 * which is not a rotation anyone bought.
 */
final class RotationCheck {

    private RotationCheck() {}

    static double maxError(CampaignBook book, List<PlanVerdict> verdicts, long[] uses) {
        Map<Long, long[]> playsByCampaignAndType = new HashMap<>();
        for (int v = 0; v < verdicts.size(); v++) {
            for (PlanVerdict.CreativePlays plays : verdicts.get(v).plays()) {
                long key = (long) plays.campaign() * ScreenType.values().length
                        + plays.type().ordinal();
                long[] perCreative = playsByCampaignAndType.computeIfAbsent(
                        key,
                        k -> new long[book.get(plays.campaign()).creatives().size()]);
                perCreative[plays.creative()] += uses[v] * plays.plays();
            }
        }
        double worst = 0;
        for (Map.Entry<Long, long[]> entry : playsByCampaignAndType.entrySet()) {
            Campaign campaign = book.get((int) (entry.getKey() / ScreenType.values().length));
            if (!campaign.isContracted()) {
                continue;
            }
            ScreenType type = ScreenType.values()[(int) (entry.getKey() % ScreenType.values().length)];
            worst = Math.max(worst, error(campaign, type, entry.getValue()));
        }
        return worst;
    }

    private static double error(Campaign campaign, ScreenType type, long[] plays) {
        List<WeightedCreative> rotation = campaign.creatives();
        long totalPlays = 0;
        long totalWeight = 0;
        for (int i = 0; i < rotation.size(); i++) {
            if (rotation.get(i).creative().isMadeFor(type)) {
                totalPlays += plays[i];
                totalWeight += rotation.get(i).weight();
            }
        }
        double worst = 0;
        for (int i = 0; i < rotation.size(); i++) {
            if (rotation.get(i).creative().isMadeFor(type)) {
                double share = (double) plays[i] / totalPlays;
                double owedShare = (double) rotation.get(i).weight() / totalWeight;
                worst = Math.max(worst, Math.abs(share - owedShare));
            }
        }
        return worst;
    }
}
