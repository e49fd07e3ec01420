package io.railcast.agent.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Proof that {@code creative} of {@code campaign} was on screen from {@code startedAt} for {@code durationMillis}, as
 * uploaded to {@code POST /agent/v1/plays}. The {@code playId} is chosen when the spot starts and never changes, so
 * uploading a record twice stores it once.
 */
public record PlayRecord(
        UUID playId,
        String screenId,
        String campaign,
        String creative,
        Instant startedAt,
        long durationMillis,
        long scheduleVersion) {

    public PlayRecord {
        requireNonNull(playId, "playId");
        requireNonNull(screenId, "screenId");
        requireNonNull(campaign, "campaign");
        requireNonNull(creative, "creative");
        requireNonNull(startedAt, "startedAt");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("negative duration " + durationMillis + " ms");
        }
    }

    /** The record as {@code POST /agent/v1/plays} carries it. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("playId", playId.toString());
        json.put("screenId", screenId);
        json.put("campaign", campaign);
        json.put("creative", creative);
        json.put("startedAt", startedAt.toString());
        json.put("durationMillis", durationMillis);
        json.put("scheduleVersion", scheduleVersion);
        return json;
    }
}
