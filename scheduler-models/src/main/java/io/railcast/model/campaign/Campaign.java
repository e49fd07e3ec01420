package io.railcast.model.campaign;

import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking of airtime: what plays (creatives in a weighted rotation), where (targeting), when (flight window and
 * daily hours) and how often (frequency).
 *
 * @param id          unique
 * @param name        what planners call it
 * @param kind        commercial, public service or filler
 * @param owner       the advertiser, or the department that owns a PSA or filler
 * @param category    exclusive category ("automotive", "liquor", "telecom"): two spots of one category never play
 *                    back to back; empty for none
 * @param creatives   the rotation, never empty
 * @param targeting   where it plays
 * @param flight      when it runs, local to each station
 * @param dailyHours  the hours of each day it plays; {@link DailyHours#ALL_DAY} for no limit
 * @param frequency   how often; required for commercial campaigns, empty for fillers and for PSAs without a
 *                    guaranteed frequency (those share the time left over)
 * @param priority    higher first where the planner has to choose: the first key of {@link YieldOrder}
 * @param priceCents  the contract value; per second of contracted airtime, the second key of {@link YieldOrder}
 * @param booked      when it was booked, the last key of {@link YieldOrder}; null when not booked yet (a proposal),
 *                    which ranks it as the latest booked
 */
public record Campaign(
        String id,
        String name,
        CampaignKind kind,
        String owner,
        String category,
        List<WeightedCreative> creatives,
        Targeting targeting,
        FlightWindow flight,
        DailyHours dailyHours,
        Optional<Frequency> frequency,
        int priority,
        long priceCents,
        Instant booked) {

    /** A campaign whose booking instant is not known yet: it ranks as the latest booked. */
    public Campaign(
            String id,
            String name,
            CampaignKind kind,
            String owner,
            String category,
            List<WeightedCreative> creatives,
            Targeting targeting,
            FlightWindow flight,
            DailyHours dailyHours,
            Optional<Frequency> frequency,
            int priority,
            long priceCents) {
        this(
                id,
                name,
                kind,
                owner,
                category,
                creatives,
                targeting,
                flight,
                dailyHours,
                frequency,
                priority,
                priceCents,
                null);
    }

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? id : name;
        owner = owner == null ? "" : owner;
        category = category == null ? "" : category.trim();
        creatives = List.copyOf(creatives);
        Objects.requireNonNull(targeting, "targeting");
        Objects.requireNonNull(flight, "flight");
        dailyHours = dailyHours == null ? DailyHours.ALL_DAY : dailyHours;
        frequency = frequency == null ? Optional.empty() : frequency;
        if (creatives.isEmpty()) {
            throw new IllegalArgumentException("campaign " + id + ": creatives must not be empty");
        }
        if (kind == CampaignKind.COMMERCIAL && frequency.isEmpty()) {
            throw new IllegalArgumentException("campaign " + id + ": frequency is required for a commercial campaign");
        }
        if (kind == CampaignKind.FILLER && frequency.isPresent()) {
            throw new IllegalArgumentException(
                    "campaign " + id + ": frequency: a filler has none, it fills what is left");
        }
        if (kind == CampaignKind.FILLER && !category.isEmpty()) {
            throw new IllegalArgumentException("campaign " + id + ": category: a filler belongs to no category");
        }
    }

    /** Contracted plays: every commercial campaign, and public-service campaigns with a guaranteed frequency. */
    public boolean isContracted() {
        return frequency.isPresent();
    }

    public boolean hasExclusiveCategory() {
        return !category.isEmpty();
    }

    /** The part of the rotation made for a screen type, in rotation order. */
    public List<WeightedCreative> creativesFor(ScreenType type) {
        return creatives.stream().filter(c -> c.creative().isMadeFor(type)).toList();
    }

    public Campaign withFlight(FlightWindow newFlight) {
        return new Campaign(
                id,
                name,
                kind,
                owner,
                category,
                creatives,
                targeting,
                newFlight,
                dailyHours,
                frequency,
                priority,
                priceCents,
                booked);
    }

    public Campaign withTargeting(Targeting newTargeting) {
        return new Campaign(
                id,
                name,
                kind,
                owner,
                category,
                creatives,
                newTargeting,
                flight,
                dailyHours,
                frequency,
                priority,
                priceCents,
                booked);
    }

    public Campaign withFrequency(Frequency newFrequency) {
        return new Campaign(
                id,
                name,
                kind,
                owner,
                category,
                creatives,
                targeting,
                flight,
                dailyHours,
                Optional.ofNullable(newFrequency),
                priority,
                priceCents,
                booked);
    }

    public Campaign withBooked(Instant newBooked) {
        return new Campaign(
                id,
                name,
                kind,
                owner,
                category,
                creatives,
                targeting,
                flight,
                dailyHours,
                frequency,
                priority,
                priceCents,
                newBooked);
    }
}
