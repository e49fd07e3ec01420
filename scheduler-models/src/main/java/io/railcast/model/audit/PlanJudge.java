package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one plan in one {@link HourContext}: how its spots sit in the hour, whether their media may play there,
 * and (through {@link WindowJudge}) whether every campaign got what its frequency owes.
 */
final class PlanJudge {

    private final CampaignBook book;
    private final int findingLimit;

    PlanJudge(CampaignBook book, int findingLimit) {
        this.book = book;
        this.findingLimit = findingLimit;
    }

    /** @param spots the plan's spots ordered by start, then end */
    PlanVerdict judge(List<Spot> spots, HourContext context) {
        FindingLog log = new FindingLog(findingLimit);
        int[] campaignOf =
                spots.stream().mapToInt(spot -> book.indexOf(spot.campaignId())).toArray();
        int overlaps = overlaps(spots, context.onAir(), log);
        int deadAir = deadAir(spots, context.onAir(), log);
        int separation = separation(spots, campaignOf, log);
        List<PlanVerdict.CreativePlays> plays = new ArrayList<>();
        int creative = creatives(spots, campaignOf, context, plays, log);
        WindowJudge.Result windows = WindowJudge.judge(book, spots, campaignOf, context, log);
        int psa = 0;
        int commercial = 0;
        String opening = "";
        String closing = "";
        for (int i = 0; i < spots.size(); i++) {
            Spot spot = spots.get(i);
            CampaignKind kind = campaignOf[i] == CampaignBook.UNKNOWN
                    ? null
                    : book.get(campaignOf[i]).kind();
            psa += kind == CampaignKind.PUBLIC_SERVICE ? spot.durationSeconds() : 0;
            commercial += kind == CampaignKind.COMMERCIAL ? spot.durationSeconds() : 0;
            opening = spot.offsetSeconds() == 0 ? book.category(campaignOf[i]) : opening;
            closing = spot.endSeconds() == SecondRange.HOUR ? book.category(campaignOf[i]) : closing;
        }
        return new PlanVerdict(
                overlaps,
                windows.windowFaults(),
                windows.playsMissing(),
                separation,
                creative,
                deadAir,
                psa,
                commercial,
                opening,
                closing,
                windows.deviations(),
                plays,
                log.findings());
    }

    private static int overlaps(List<Spot> spots, SecondRange onAir, FindingLog log) {
        int faults = 0;
        int runsTo = Integer.MIN_VALUE;
        for (Spot spot : spots) {
            if (spot.offsetSeconds() < onAir.from() || spot.endSeconds() > onAir.to()) {
                faults++;
                log.add(
                        AuditFault.Kind.OVERLAP,
                        spot.campaignId(),
                        "spot " + span(spot) + " lies outside the on-air range " + onAir);
            }
            if (spot.offsetSeconds() < runsTo) {
                faults++;
                log.add(
                        AuditFault.Kind.OVERLAP,
                        spot.campaignId(),
                        "spot " + span(spot) + " starts before the spot before it ends at " + runsTo);
            }
            runsTo = Math.max(runsTo, spot.endSeconds());
        }
        return faults;
    }

    private static int deadAir(List<Spot> spots, SecondRange onAir, FindingLog log) {
        int dead = 0;
        int coveredTo = onAir.from();
        for (Spot spot : spots) {
            int gapEnd = Math.min(spot.offsetSeconds(), onAir.to());
            if (gapEnd > coveredTo) {
                dead += gapEnd - coveredTo;
                log.add(AuditFault.Kind.DEAD_AIR, "", "nothing plays in [" + coveredTo + "," + gapEnd + ")");
            }
            coveredTo = Math.max(coveredTo, Math.min(spot.endSeconds(), onAir.to()));
        }
        if (coveredTo < onAir.to()) {
            dead += onAir.to() - coveredTo;
            log.add(AuditFault.Kind.DEAD_AIR, "", "nothing plays in [" + coveredTo + "," + onAir.to() + ")");
        }
        return dead;
    }

    private int separation(List<Spot> spots, int[] campaignOf, FindingLog log) {
        int faults = 0;
        for (int i = 1; i < spots.size(); i++) {
            String category = book.category(campaignOf[i]);
            if (!category.isEmpty()
                    && spots.get(i - 1).endSeconds() == spots.get(i).offsetSeconds()
                    && category.equals(book.category(campaignOf[i - 1]))) {
                faults++;
                log.add(
                        AuditFault.Kind.SEPARATION,
                        spots.get(i).campaignId(),
                        "follows " + spots.get(i - 1).campaignId() + " of category " + category + " at "
                                + spots.get(i).offsetSeconds());
            }
        }
        return faults;
    }

    /** Counts media faults, and the plays of sound media for the rotation check. */
    private int creatives(
            List<Spot> spots,
            int[] campaignOf,
            HourContext context,
            List<PlanVerdict.CreativePlays> plays,
            FindingLog log) {
        int faults = 0;
        Map<Long, Integer> playsByCreative = new HashMap<>();
        for (int i = 0; i < spots.size(); i++) {
            String problem = mediaProblem(spots.get(i), campaignOf[i], context);
            if (problem != null) {
                faults++;
                log.add(AuditFault.Kind.CREATIVE, spots.get(i).campaignId(), problem);
            } else {
                long key = (long) campaignOf[i] << 32
                        | book.creativeIndex(campaignOf[i], spots.get(i).creativeId());
                playsByCreative.merge(key, 1, Integer::sum);
            }
        }
        playsByCreative.forEach((key, count) ->
                plays.add(new PlanVerdict.CreativePlays((int) (key >>> 32), context.type(), (int) (long) key, count)));
        return faults;
    }

    /** What is wrong with the media of a spot, or null when nothing is. */
    private String mediaProblem(Spot spot, int campaignIndex, HourContext context) {
        if (campaignIndex == CampaignBook.UNKNOWN) {
            return "no campaign " + spot.campaignId() + " is booked";
        }
        Campaign campaign = book.get(campaignIndex);
        int creativeIndex = book.creativeIndex(campaignIndex, spot.creativeId());
        if (creativeIndex == CampaignBook.UNKNOWN) {
            return "creative " + spot.creativeId() + " is not in the rotation of " + campaign.id();
        }
        Creative creative = campaign.creatives().get(creativeIndex).creative();
        if (!creative.isMadeFor(context.type())) {
            return "creative " + creative.id() + " is not made for " + context.type();
        }
        if (creative.durationSeconds() != spot.durationSeconds()) {
            return "spot lasts " + spot.durationSeconds() + " s but creative " + creative.id() + " lasts "
                    + creative.durationSeconds() + " s";
        }
        if (spot.kind() != campaign.kind()) {
            return "spot is marked " + spot.kind() + " but " + campaign.id() + " is " + campaign.kind();
        }
        return null;
    }

    static String span(Spot spot) {
        return "[" + spot.offsetSeconds() + "," + spot.endSeconds() + ")";
    }
}
