package io.railcast.model.solver;

import io.railcast.model.campaign.Creative;
import io.railcast.model.network.ScreenType;
import java.util.Set;

/** A creative as the solver sees it: what it is called, how long it lasts and which screens it was made for. */
public record CreativeChoice(String id, int durationSeconds, Set<ScreenType> screenTypes) {

    public CreativeChoice {
        screenTypes = Set.copyOf(screenTypes);
    }

    public static CreativeChoice of(Creative creative) {
        return new CreativeChoice(creative.id(), creative.durationSeconds(), creative.screenTypes());
    }

    /** By id and length only (equal choices have equal ids): hour problems are hashed by the thousand. */
    @Override
    public int hashCode() {
        return id.hashCode() * 31 + durationSeconds;
    }

    public boolean isMadeFor(ScreenType type) {
        return screenTypes.contains(type);
    }
}
