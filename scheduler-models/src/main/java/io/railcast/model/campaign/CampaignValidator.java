package io.railcast.model.campaign;

import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a campaign against the network it is booked on: everything it names exists, it reaches at least one
 * screen, every creative fits the slots of the screens it plays on, and its frequency can fit in its period.
 * Capacity against other bookings is the availability check's job, not this one's.
 */
public final class CampaignValidator {

    private final Network network;

    public CampaignValidator(Network network) {
        this.network = network;
    }

    public List<ValidationProblem> problems(Campaign campaign) {
        List<ValidationProblem> problems = new ArrayList<>();
        Targeting targeting = campaign.targeting();
        Set<String> provinces =
                network.stations().stream().map(Station::province).collect(Collectors.toSet());
        Set<String> bureaus = network.stations().stream().map(Station::bureau).collect(Collectors.toSet());
        unknown(
                targeting.stations(),
                code -> network.station(code).isPresent(),
                "targeting.stations",
                "station",
                problems);
        unknown(targeting.provinces(), provinces::contains, "targeting.provinces", "province", problems);
        unknown(targeting.bureaus(), bureaus::contains, "targeting.bureaus", "bureau", problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        List<Screen> reached = network.screens().stream()
                .filter(screen -> targeting.matches(network.stationOf(screen), screen))
                .toList();
        if (reached.isEmpty()) {
            problems.add(new ValidationProblem("targeting", "reaches no screen"));
            return problems;
        }
        var typesWithoutCreative = EnumSet.noneOf(io.railcast.model.network.ScreenType.class);
        Set<String> misfits = new TreeSet<>();
        for (Screen screen : reached) {
            List<WeightedCreative> playable = campaign.creativesFor(screen.type());
            if (playable.isEmpty()) {
                typesWithoutCreative.add(screen.type());
            }
            for (WeightedCreative wc : playable) {
                if (!screen.loopPolicy().fits(wc.creative().durationSeconds())) {
                    misfits.add(wc.creative().id() + " (" + wc.creative().durationSeconds() + " s on "
                            + screen.loopPolicy().slotSeconds() + " s slots)");
                }
            }
        }
        if (!typesWithoutCreative.isEmpty()) {
            problems.add(new ValidationProblem(
                    "creatives", "no creative is made for the targeted screen types " + typesWithoutCreative));
        }
        if (!misfits.isEmpty()) {
            problems.add(new ValidationProblem(
                    "creatives", "duration is not a whole number of slots: " + String.join(", ", misfits)));
        }
        campaign.frequency().ifPresent(frequency -> checkFits(campaign, frequency, problems));
        return problems;
    }

    private static void checkFits(Campaign campaign, Frequency frequency, List<ValidationProblem> problems) {
        int shortest = campaign.creatives().stream()
                .mapToInt(c -> c.creative().durationSeconds())
                .min()
                .orElseThrow();
        long available;
        String period;
        if (frequency instanceof Frequency.PerPeriod perPeriod) {
            available = perPeriod.periodSeconds();
            period = perPeriod.periodMinutes() + " min";
        } else {
            available = campaign.dailyHours().length().toSeconds();
            period = "a day of " + campaign.dailyHours();
        }
        if ((long) frequency.plays() * shortest > available) {
            problems.add(new ValidationProblem(
                    "frequency", frequency.plays() + " plays of at least " + shortest + " s cannot fit in " + period));
        }
    }

    private static void unknown(
            Set<String> names,
            java.util.function.Predicate<String> known,
            String field,
            String what,
            List<ValidationProblem> problems) {
        Set<String> missing = names.stream().filter(known.negate()).collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            problems.add(new ValidationProblem(field, "unknown " + what + (missing.size() > 1 ? "s " : " ") + missing));
        }
    }
}
