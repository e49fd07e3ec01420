package io.railcast.model.planning;

import io.railcast.model.solver.SolvedHour;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * What the ledger keeps of a decided hour, as one line of text: whether it was searched, its score, and the
 * contracted plays and seconds it leaves out per campaign ({@code 0|[0/0]hard/[0/0/0/0]soft|} for an hour placed
 * whole). Campaign ids are URL-encoded, so the text never holds a separator, a tab or a line break whatever the ids.
 * The plan is never kept: a check needs only what is missing.
 */
public final class HourDecision {

    private HourDecision() {}

    public static String encode(SolvedHour hour) {
        StringBuilder text = new StringBuilder(hour.searched() ? "1|" : "0|");
        if (hour.score() != null) {
            text.append(hour.score());
        }
        text.append('|');
        String separator = "";
        for (Map.Entry<String, Integer> missing : new TreeMap<>(hour.missingPlays()).entrySet()) {
            text.append(separator)
                    .append(URLEncoder.encode(missing.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(missing.getValue())
                    .append('/')
                    .append(hour.missingSeconds().getOrDefault(missing.getKey(), 0));
            separator = ",";
        }
        return text.toString();
    }

    /** The decision {@link #encode} wrote; refused with an {@link IllegalArgumentException} when it is not one. */
    public static SolvedHour decode(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3 || !(parts[0].equals("0") || parts[0].equals("1"))) {
            throw new IllegalArgumentException("not a decided hour: " + text);
        }
        BendableLongScore score = parts[1].isEmpty() ? null : BendableLongScore.parseScore(parts[1]);
        Map<String, Integer> plays = new TreeMap<>();
        Map<String, Integer> seconds = new TreeMap<>();
        if (!parts[2].isEmpty()) {
            for (String entry : parts[2].split(",", -1)) {
                int equals = entry.indexOf('=');
                int slash = entry.indexOf('/', equals + 1);
                if (equals <= 0 || slash < 0) {
                    throw new IllegalArgumentException("not a decided hour: " + text);
                }
                String campaign = URLDecoder.decode(entry.substring(0, equals), StandardCharsets.UTF_8);
                plays.put(campaign, Integer.valueOf(entry.substring(equals + 1, slash)));
                seconds.put(campaign, Integer.valueOf(entry.substring(slash + 1)));
            }
        }
        return new SolvedHour(null, score, parts[0].equals("1"), plays, seconds);
    }
}
