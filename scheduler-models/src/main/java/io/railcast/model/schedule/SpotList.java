package io.railcast.model.schedule;

import io.railcast.model.campaign.CampaignKind;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The spots of an {@link HourPlan}, kept compact: a plan is the unit the network's memory grows with (a week of
 * 20,000 screens holds 150,000 distinct plans of up to 240 spots), so each spot is its offset and duration as two
 * chars and a byte naming its media (campaign, creative, kind) in the plan's own table of the few it plays: 5 bytes
 * a spot where one array per field cost 17 and a {@link Spot} object with its list slot 36. Spots are made again
 * when read. Immutable.
 */
final class SpotList extends AbstractList<Spot> implements RandomAccess {

    private static final CampaignKind[] KINDS = CampaignKind.values();
    private static final int MAX_MEDIA = 256;

    /** Offset and duration of each spot, in turn. */
    private final char[] timing;
    /** Each spot's entry in the media table, as an unsigned byte. */
    private final byte[] media;

    private final String[] campaigns;
    private final String[] creatives;
    private final byte[] kinds;

    private SpotList(char[] timing, byte[] media, List<Spot> table) {
        this.timing = timing;
        this.media = media;
        campaigns = new String[table.size()];
        creatives = new String[table.size()];
        kinds = new byte[table.size()];
        for (int i = 0; i < table.size(); i++) {
            campaigns[i] = table.get(i).campaignId();
            creatives[i] = table.get(i).creativeId();
            kinds[i] = (byte) table.get(i).kind().ordinal();
        }
    }

    /** The spots as an immutable compact list; in one array per field when they do not fit the compact form. */
    static List<Spot> copyOf(List<Spot> spots) {
        if (spots instanceof SpotList || spots instanceof WideSpotList) {
            return spots;
        }
        // Every distinct hour of the network passes here once, so each spot is looked at once and nothing is
        // copied that the compact form does not keep.
        int size = spots.size();
        char[] timing = new char[size * 2];
        byte[] media = new byte[size];
        List<Spot> table = new ArrayList<>();
        Map<Spot, Integer> entryOf = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Spot spot = Objects.requireNonNull(spots.get(i), "spot");
            if (spot.offsetSeconds() > Character.MAX_VALUE || spot.durationSeconds() > Character.MAX_VALUE) {
                return new WideSpotList(List.copyOf(spots));
            }
            Spot key = mediaOf(spot);
            Integer entry = entryOf.get(key);
            if (entry == null) {
                if (table.size() == MAX_MEDIA) {
                    return new WideSpotList(List.copyOf(spots));
                }
                entry = table.size();
                table.add(key);
                entryOf.put(key, entry);
            }
            timing[2 * i] = (char) spot.offsetSeconds();
            timing[2 * i + 1] = (char) spot.durationSeconds();
            media[i] = (byte) (int) entry;
        }
        return new SpotList(timing, media, table);
    }

    /** The spot's media as a spot of its own at offset 0 lasting 1 s, so that equal media are equal keys. */
    private static Spot mediaOf(Spot spot) {
        return new Spot(0, 1, spot.campaignId(), spot.creativeId(), spot.kind());
    }

    @Override
    public Spot get(int index) {
        int entry = Byte.toUnsignedInt(media[index]);
        return new Spot(
                timing[2 * index], timing[2 * index + 1], campaigns[entry], creatives[entry], KINDS[kinds[entry]]);
    }

    @Override
    public int size() {
        return media.length;
    }
}
