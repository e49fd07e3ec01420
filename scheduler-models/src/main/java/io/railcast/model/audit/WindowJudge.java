package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks each campaign's plays in a plan against its active time and frequency: every play lies inside the active
 * time of a campaign that targets the screen, and each window of a contracted campaign holds exactly the plays it
 * owes, spread as evenly as can be measured.
 *
 * <p>A misplaced play counts once, as a window fault, and not towards what its window owes: a play at 22:40 for a
 * campaign that stops at 22:30 delivers nothing the contract asked for.
 *
 * <p>Campaigns without a frequency (fillers, PSAs that share the time left) are held to their targeting, flight and
 * daily hours too: the contract is silent on them, but a filler outside its flight is a bug all the same. A play of
 * theirs outside the on-air range is left to the overlap count alone, so it is not counted twice.
 */
final class WindowJudge {

    /** The window part of a verdict. */
    record Result(int windowFaults, int playsMissing, List<Double> deviations) {}

    private WindowJudge() {}

    static Result judge(CampaignBook book, List<Spot> spots, int[] campaignOf, HourContext context, FindingLog log) {
        Map<Integer, List<Spot>> spotsByCampaign = new HashMap<>();
        for (int i = 0; i < spots.size(); i++) {
            if (campaignOf[i] != CampaignBook.UNKNOWN) {
                spotsByCampaign
                        .computeIfAbsent(campaignOf[i], c -> new ArrayList<>())
                        .add(spots.get(i));
            }
        }
        Tally tally = new Tally(context.onAir(), log);
        for (HourContext.Active active : context.actives()) {
            List<Spot> own = spotsByCampaign.remove(active.campaign());
            tally.campaign(book.get(active.campaign()), active, own == null ? List.of() : own);
        }
        // Whatever is left belongs to campaigns that are not active here or do not target this screen.
        spotsByCampaign.forEach((campaign, own) -> own.forEach(spot -> tally.misplaced(
                book.get(campaign),
                spot,
                "plays where " + spot.campaignId() + " is not active or does not target the screen")));
        return new Result(tally.windowFaults, tally.missing, tally.deviations);
    }

    /** The running counts of one judgement. */
    private static final class Tally {
        private final SecondRange onAir;
        private final FindingLog log;
        private final List<Double> deviations = new ArrayList<>();
        private int windowFaults;
        private int missing;

        Tally(SecondRange onAir, FindingLog log) {
            this.onAir = onAir;
            this.log = log;
        }

        void campaign(Campaign campaign, HourContext.Active active, List<Spot> own) {
            SecondRange range = active.range();
            List<Integer> starts = new ArrayList<>();
            for (Spot spot : own) {
                if (range.contains(spot.offsetSeconds()) && spot.endSeconds() <= range.to()) {
                    starts.add(spot.offsetSeconds());
                } else {
                    misplaced(campaign, spot, "plays " + PlanJudge.span(spot) + " outside its active time " + range);
                }
            }
            if (campaign.frequency().isEmpty()) {
                return;
            }
            if (campaign.frequency().get() instanceof Frequency.PerPeriod perPeriod) {
                int period = perPeriod.periodSeconds();
                for (int from = 0; from < SecondRange.HOUR; from += period) {
                    SecondRange window = new SecondRange(from, from + period).intersect(range);
                    if (!window.isEmpty()) {
                        window(campaign, window, perPeriod.playsOwed(window.length()), starts);
                    }
                }
            } else {
                window(campaign, range, active.hourShare(), starts);
            }
        }

        /** @param starts the campaign's well-placed starts in the hour, ascending */
        private void window(Campaign campaign, SecondRange window, int owed, List<Integer> starts) {
            int[] inside = starts.stream()
                    .filter(window::contains)
                    .mapToInt(Integer::intValue)
                    .toArray();
            if (inside.length < owed) {
                missing += owed - inside.length;
                log.add(
                        AuditFault.Kind.MISSING_PLAY,
                        campaign.id(),
                        "window " + window + " owes " + owed + " plays, has " + inside.length);
            } else if (inside.length > owed) {
                windowFaults += inside.length - owed;
                log.add(
                        AuditFault.Kind.WINDOW,
                        campaign.id(),
                        "window " + window + " owes " + owed + " plays, has " + inside.length);
            }
            if (owed > 0) {
                deviations.add(Spacing.cumulativeDeviation(inside, window, owed));
            }
        }

        void misplaced(Campaign campaign, Spot spot, String detail) {
            boolean onAirOnly = !campaign.isContracted();
            if (onAirOnly && (spot.offsetSeconds() < onAir.from() || spot.endSeconds() > onAir.to())) {
                return;
            }
            windowFaults++;
            log.add(AuditFault.Kind.WINDOW, spot.campaignId(), detail);
        }
    }
}
