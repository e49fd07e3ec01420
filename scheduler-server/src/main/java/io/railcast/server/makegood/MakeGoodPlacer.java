package io.railcast.server.makegood;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.MakeGood;
import io.railcast.model.network.Network;
import io.railcast.model.network.Station;
import io.railcast.server.network.NetworkCatalog;
import io.railcast.server.planning.BookingChange;
import io.railcast.server.planning.CampaignBook;
import io.railcast.server.planning.PlanningRefusal;
import io.railcast.server.planning.PlanningService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Places owed plays back into the campaigns' remaining flights ({@link MakeGoodDays}): each make-good is a change
 * of the campaign book, checked and published by the planning desk like a booking ({@link PlanningService#book}),
 * so it is refused wherever the whole-flight check finds no room and never moves anyone else's guaranteed plays,
 * and it is stored ({@link PlacementRepository#place}) in the transaction that publishes it. What finds no room
 * stays owed. Blocking: runs on the job's thread or a bounded-elastic one.
 */
@Service
class MakeGoodPlacer {

    private static final Logger log = LoggerFactory.getLogger(MakeGoodPlacer.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final PlacementRepository placements;
    private final PlanningService planning;
    private final CampaignBook campaigns;
    private final NetworkCatalog network;
    private final Clock clock;

    MakeGoodPlacer(
            PlacementRepository placements,
            PlanningService planning,
            CampaignBook campaigns,
            NetworkCatalog network,
            Clock clock) {
        this.placements = placements;
        this.planning = planning;
        this.campaigns = campaigns;
        this.network = network;
        this.clock = clock;
    }

    /** Places what every campaign may have placed now; answers what was placed. */
    MakeGoodRun.Placed placeAll() {
        List<PlacementRepository.Outstanding> owed =
                placements.outstanding(null).collectList().block(TIMEOUT);
        if (owed == null || owed.stream().allMatch(o -> o.toPlace() == 0)) {
            return MakeGoodRun.Placed.NONE;
        }
        Map<String, Campaign> active = new HashMap<>();
        campaigns.active().block(TIMEOUT).forEach(c -> active.put(c.id(), c));
        Map<String, PlacementRepository.Placed> stored = new HashMap<>();
        placements
                .placements(null)
                .toIterable()
                .forEach(p -> stored.put(p.makeGood().id(), p));
        Network stations = network.load().block(TIMEOUT);
        long makeGoods = 0;
        long plays = 0;
        for (PlacementRepository.Outstanding pair : owed) {
            Campaign campaign = active.get(pair.campaignId());
            Optional<Station> station = stations.station(pair.station());
            if (pair.toPlace() == 0 || campaign == null || !campaign.isContracted() || station.isEmpty()) {
                continue;
            }
            long[] placed = place(pair, campaign, station.get(), stations, stored);
            makeGoods += placed[0];
            plays += placed[1];
        }
        return new MakeGoodRun.Placed(makeGoods, plays);
    }

    /** Places what {@code pair} may have placed; answers make-goods and plays placed. */
    private long[] place(
            PlacementRepository.Outstanding pair,
            Campaign campaign,
            Station station,
            Network stations,
            Map<String, PlacementRepository.Placed> stored) {
        long remaining = pair.toPlace();
        long placedBefore = pair.placed();
        long[] placed = new long[2];
        int extend = "EXTEND".equals(pair.policy()) && pair.extendDays() != null ? pair.extendDays() : 0;
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), station.zone());
        for (LocalDateTime from : MakeGoodDays.starts(campaign, station, extend, now)) {
            if (remaining <= 0) {
                break;
            }
            int screens = screens(campaign, station, stations, from);
            PlacementRepository.Placed already =
                    stored.get(MakeGood.id(campaign.id(), station.code(), from.toLocalDate()));
            int before = already == null ? 0 : already.makeGood().playsPerScreen();
            LocalDateTime start = already == null || already.makeGood().from().isBefore(from)
                    ? from
                    : already.makeGood().from();
            for (int k = MakeGoodDays.firstTry(remaining, screens); k > 0; k = MakeGoodDays.afterRefusal(k)) {
                MakeGood makeGood = new MakeGood(campaign.id(), station.code(), from.toLocalDate(), start, before + k);
                long expected = placedBefore;
                try {
                    planning.book(new BookingChange(
                                    makeGood.id(),
                                    makeGood.toCampaign(campaign),
                                    null,
                                    false,
                                    version -> placements.place(makeGood, screens, version, expected)))
                            .block(TIMEOUT);
                } catch (PlanningRefusal refused) {
                    continue; // no room for k plays a screen that day: fewer, or the next day
                } catch (PlacementRepository.PlacedElsewhere elsewhere) {
                    log.info("{}: left to the next run", elsewhere.getMessage());
                    return placed;
                }
                long added = (long) k * screens;
                remaining -= added;
                placedBefore += added;
                placed[0]++;
                placed[1] += added;
                log.info(
                        "Make-good of {} at {}: {} plays ({} a screen) placed on {}",
                        campaign.id(),
                        station.code(),
                        added,
                        k,
                        from.toLocalDate());
                break;
            }
        }
        return placed;
    }

    /**
     * The station's screens the campaign plays on that are in service from {@code from} to the end of its day: a
     * screen out of service then (retired, or off air for some hours) is not counted, so no play is reported placed
     * that its dark hours would never air.
     */
    private static int screens(Campaign campaign, Station station, Network stations, LocalDateTime from) {
        Instant start = from.atZone(station.zone()).toInstant();
        Instant end =
                from.toLocalDate().plusDays(1).atStartOfDay(station.zone()).toInstant();
        return (int) stations.screensAt(station.code()).stream()
                .filter(s -> campaign.targeting().matches(station, s)
                        && !campaign.creativesFor(s.type()).isEmpty()
                        && stations.outOfService(s.id()).stream().noneMatch(period -> period.overlaps(start, end)))
                .count();
    }
}
