package io.railcast.agent;

import io.railcast.agent.protocol.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A schedule body for agent tests: clock hours from {@code from}, each playing spots of {@code spotSeconds} (1 unless
 * asked) that cycle through {@code creatives}, the fallback cycling through them too, and random media for each.
 */
public record TestSchedule(
        long version,
        Instant effectiveAt,
        Instant from,
        Instant to,
        int spotSeconds,
        List<String> creatives,
        Map<String, byte[]> media) {

    public static TestSchedule of(long version, Instant effectiveAt, Instant from, int hours, String... creatives) {
        return of(version, effectiveAt, from, from.plus(Duration.ofHours(hours)), creatives);
    }

    public static TestSchedule of(long version, Instant effectiveAt, Instant from, Instant to, String... creatives) {
        return of(version, effectiveAt, from, to, 1, 2048, creatives);
    }

    public static TestSchedule of(
            long version,
            Instant effectiveAt,
            Instant from,
            Instant to,
            int spotSeconds,
            int mediaBytes,
            String... creatives) {
        Map<String, byte[]> media = new LinkedHashMap<>();
        for (String creative : creatives) {
            byte[] bytes = new byte[mediaBytes + Math.floorMod(creative.hashCode(), 512)];
            new Random(creative.hashCode()).nextBytes(bytes);
            media.put(creative, bytes);
        }
        return new TestSchedule(version, effectiveAt, from, to, spotSeconds, List.of(creatives), media);
    }

    String etag() {
        return "\"v" + version + "-" + from.getEpochSecond() + "\"";
    }

    public String json() {
        List<Map<String, Object>> spots = new ArrayList<>();
        for (int n = 0; n < 3600 / spotSeconds; n++) {
            String creative = creatives.get(n % creatives.size());
            spots.add(Map.of(
                    "offset",
                    n * spotSeconds,
                    "duration",
                    spotSeconds,
                    "campaign",
                    "C-" + creative,
                    "creative",
                    creative,
                    "kind",
                    "COMMERCIAL"));
        }
        Map<String, Object> plan = Map.of("onAir", Map.of("from", 0, "to", 3600), "spots", spots);
        // as the server's: a plan id is a digest of the plan's content (the fallback is the same plan)
        String planId = "p-" + TestBytes.sha256(JsonObject.write(spots)).substring(0, 16);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(Map.of("start", hour.toString(), "plan", planId));
        }
        List<Map<String, Object>> files = new ArrayList<>();
        media.forEach((creative, bytes) -> files.add(Map.of(
                "creative",
                creative,
                "url",
                "/agent/v1/media/" + creative,
                "sha256",
                TestBytes.sha256(bytes),
                "size",
                bytes.length,
                "duration",
                1)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("screenId", "BJN-LCD-0001");
        body.put("version", version);
        body.put("effectiveAt", effectiveAt.toString());
        body.put("zone", "Asia/Shanghai");
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("hours", hours);
        body.put("plans", Map.of(planId, plan));
        body.put("media", files);
        body.put("fallback", planId);
        return new String(JsonObject.write(body), java.nio.charset.StandardCharsets.UTF_8);
    }
}
