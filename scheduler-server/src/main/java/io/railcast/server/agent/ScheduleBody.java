package io.railcast.server.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /agent/v1/schedule} (docs/agent-protocol.md).
 *
 * @param hours    one entry per clock hour the screen is on air, from {@code from} to {@code to}
 * @param plans    every plan {@code hours} and {@code fallback} name, by id
 * @param media    every creative those plans need, by id
 * @param fallback the plan of filler the agent plays when its horizon has run out and it cannot reach us
 */
record ScheduleBody(String screenId, long version, Instant effectiveAt, String zone, Instant from, Instant to,
        List<HourEntry> hours, SortedMap<String, PlanView> plans, List<MediaItem> media, @Nullable String fallback) {

    /** Changes whenever the digest's input format does, so that agents refetch after such an upgrade. */
    private static final String DIGEST_FORMAT = "railcast-schedule-1";

    record HourEntry(Instant start, String plan) {
    }

    record MediaItem(String creative, String url, String sha256, long size, int duration) {
    }

    /**
     * A digest of what the screen plays: the horizon, the plan of each hour (plan ids are digests of their
     * content), the fallback and the media. Not the version nor when it takes effect, so that a version that
     * changes nothing for this screen keeps its ETag and the agent's {@code If-None-Match} gets a 304.
     */
    String etag() {
        StringBuilder meaning = new StringBuilder(64 + hours.size() * 48 + media.size() * 128)
                .append(DIGEST_FORMAT).append('\n')
                .append(screenId).append('\n')
                .append(zone).append('\n')
                .append(from).append(' ').append(to).append('\n');
        hours.forEach(hour -> meaning.append(hour.start()).append('=').append(hour.plan()).append(';'));
        meaning.append('\n').append(fallback).append('\n');
        media.forEach(item -> meaning.append(item.creative()).append(',').append(item.sha256()).append(',')
                .append(item.size()).append(',').append(item.duration()).append(',').append(item.url()).append(';'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(meaning.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
