package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import java.util.List;

/**
 * Generates a realistic demo network of Chinese high-speed-rail stations and a realistic book of campaigns on it,
 * from a seed: the same options always give an equal scenario.
 *
 * <p>The network spans 28 provinces and the 18 railway bureaus, with hubs in the big cities open 05:30–00:30,
 * majors 06:00–23:30 and standard stations 06:30–22:00 (06:00–22:00 in a few cities that switch screens off at
 * night). The campaigns are a few fillers, about 12% public-service ads and commercial bookings, every one valid
 * for {@link io.railcast.model.campaign.CampaignValidator}; contracted plays never take more than 65% of any
 * screen-hour (70% of any 5-minute window), so a planner can always place them. Stateless and thread-safe.
 */
public final class NetworkGenerator {

    private NetworkGenerator() {}

    /** The scenario of {@link DemoOptions#defaults()}. */
    public static DemoScenario generate() {
        return generate(DemoOptions.defaults());
    }

    /**
     * @throws IllegalArgumentException when more stations are asked for than the generator can name
     * @throws IllegalStateException    when the network is too small to book the campaigns asked for
     */
    public static DemoScenario generate(DemoOptions options) {
        Dice dice = new Dice(options.seed());
        // Separate streams: asking for more campaigns must not change the network.
        Dice networkDice = dice.split();
        Dice campaignDice = dice.split();
        List<Site> sites = StationPlanner.plan(Geography.china(), options.stations(), networkDice);
        List<Screen> screens = ScreenPlanner.plan(sites, options.screens(), networkDice);
        Network network = new Network(sites.stream().map(Site::station).toList(), screens);
        List<Campaign> campaigns = CampaignMix.draw(network, new Market(network, sites), options, campaignDice);
        return new DemoScenario(network, campaigns);
    }
}
