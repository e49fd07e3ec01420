package io.railcast.model.schedule;

import io.railcast.model.campaign.CampaignKind;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The spots of an {@link HourPlan}, kept as one array per field: a server keeps the current plan of the whole
 * network (some 20,000 plans of up to 240 spots), and a {@link Spot} object with its list slot costs 36 bytes where
 * these arrays cost 17. Spots are made again when read; every reader walks a plan once. Immutable.
 */
final class SpotList extends AbstractList<Spot> implements RandomAccess {

    private static final CampaignKind[] KINDS = CampaignKind.values();

    private final int[] offsets;
    private final int[] durations;
    private final String[] campaigns;
    private final String[] creatives;
    private final byte[] kinds;

    private SpotList(List<Spot> spots) {
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

    static List<Spot> copyOf(List<Spot> spots) {
        return spots instanceof SpotList kept ? kept : new SpotList(List.copyOf(spots));
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
