package io.railcast.demo;

import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Makes a campaign's media: ids from the campaign id, a well-formed SHA-256 derived from the id (there is no real
 * file), and sizes a video encoder would produce.
 */
final class Creatives {

    static final List<Integer> COMMERCIAL_LENGTHS = List.of(5, 10, 15, 30);
    /** Bytes per second of a 1080p frame or TV spot; an LED wall's lower resolution takes about half. */
    private static final int FRAME_BYTES_PER_SECOND = 750_000;

    private static final int LED_BYTES_PER_SECOND = 375_000;

    private final Dice dice;

    Creatives(Dice dice) {
        this.dice = dice;
    }

    /** Mostly 15 s, as sold. */
    int commercialLength() {
        return dice.pick(COMMERCIAL_LENGTHS, 8, 14, 60, 18);
    }

    /** Weights of a rotation: mostly one version, sometimes two at 2:1 or three at 2:1:1 or 3:2:1. */
    int[] rotationWeights() {
        return switch (dice.weighted(70, 20, 6, 4)) {
            case 0 -> new int[] {1};
            case 1 -> new int[] {2, 1};
            case 2 -> new int[] {2, 1, 1};
            default -> new int[] {3, 2, 1};
        };
    }

    /**
     * One version per weight, all of {@code seconds}, for the given screen types. Half the campaigns that include
     * LED walls have the agency cut a separate LED version of each, played as often as the frame version.
     */
    List<WeightedCreative> rotation(String campaignId, Set<ScreenType> types, int seconds, int... weights) {
        boolean ledCut = types.contains(ScreenType.LED_LARGE) && types.size() > 1 && dice.chance(0.5);
        List<WeightedCreative> rotation = new ArrayList<>();
        for (int v = 0; v < weights.length; v++) {
            String id = campaignId + "-" + (char) ('A' + v);
            if (ledCut) {
                Set<ScreenType> frames = EnumSet.copyOf(types);
                frames.remove(ScreenType.LED_LARGE);
                rotation.add(new WeightedCreative(creative(id, seconds, frames), weights[v]));
                rotation.add(
                        new WeightedCreative(creative(id + "-LED", seconds, Set.of(ScreenType.LED_LARGE)), weights[v]));
            } else {
                rotation.add(new WeightedCreative(creative(id, seconds, types), weights[v]));
            }
        }
        return rotation;
    }

    /** One creative per length, equally weighted, each made for every type given: PSA pools and fillers. */
    List<WeightedCreative> lengths(String campaignId, Set<ScreenType> types, List<Integer> lengths) {
        List<WeightedCreative> rotation = new ArrayList<>();
        for (int seconds : lengths) {
            rotation.add(new WeightedCreative(creative(campaignId + "-" + seconds + "S", seconds, types), 1));
        }
        return rotation;
    }

    Creative creative(String id, int seconds, Set<ScreenType> types) {
        int rate = types.equals(Set.of(ScreenType.LED_LARGE)) ? LED_BYTES_PER_SECOND : FRAME_BYTES_PER_SECOND;
        long size = Math.round(seconds * rate * dice.fraction(0.85, 1.15)) + 48_000;
        return new Creative(id, seconds, types, "media/" + id + ".mp4", sha256(id), size);
    }

    static String sha256(String id) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(("railcast-demo:" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
