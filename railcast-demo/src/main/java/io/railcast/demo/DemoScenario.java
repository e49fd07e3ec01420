package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import java.util.List;
import java.util.Objects;

/**
 * A generated network and the campaigns booked on it. {@link Network} has no value equality, so two scenarios are
 * equal when their stations, screens and campaigns are equal, in order.
 *
 * @param network   the stations and screens
 * @param campaigns fillers first, then public-service ads, then commercial bookings; every one valid on the network
 */
public record DemoScenario(Network network, List<Campaign> campaigns) {

    public DemoScenario {
        Objects.requireNonNull(network, "network");
        campaigns = List.copyOf(campaigns);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DemoScenario that
                && List.copyOf(network.stations()).equals(List.copyOf(that.network.stations()))
                && List.copyOf(network.screens()).equals(List.copyOf(that.network.screens()))
                && campaigns.equals(that.campaigns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(List.copyOf(network.stations()), List.copyOf(network.screens()), campaigns);
    }

    @Override
    public String toString() {
        return "DemoScenario[" + network.stations().size() + " stations, "
                + network.screens().size() + " screens, " + campaigns.size() + " campaigns]";
    }
}
