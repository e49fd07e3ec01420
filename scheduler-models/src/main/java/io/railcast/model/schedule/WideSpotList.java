package io.railcast.model.schedule;

import io.railcast.model.campaign.CampaignKind;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The spots of an {@link HourPlan} that {@link SpotList} cannot hold (a time beyond 65,535 s, more than 256 distinct
 * creatives in one hour; the planner makes neither), kept as one array per field: 17 bytes a spot where a
 * {@link Spot} object with its list slot costs 36. Spots are made again when read. Immutable.
 */
final class WideSpotList extends AbstractList<Spot> implements RandomAccess {

    private static final CampaignKind[] KINDS = CampaignKind.values();

    private final int[] offsets;
    private final int[] durations;
    private final String[] campaigns;
    private final String[] creatives;
    private final byte[] kinds;

    WideSpotList(List<Spot> spots) {
        int size = spots.size();
        offsets = new int[size];
        durations = new int[size];
        campaigns = new String[size];
        creatives = new String[size];
        kinds = new byte[size];
        for (int i = 0; i < size; i++) {
            Spot spot = spots.get(i); // throws on null, as List.copyOf did
            offsets[i] = spot.offsetSeconds();
            durations[i] = spot.durationSeconds();
            campaigns[i] = spot.campaignId();
            creatives[i] = spot.creativeId();
            kinds[i] = (byte) spot.kind().ordinal();
        }
    }

    @Override
    public Spot get(int index) {
        return new Spot(offsets[index], durations[index], campaigns[index], creatives[index], KINDS[kinds[index]]);
    }

    @Override
    public int size() {
        return offsets.length;
    }
}
