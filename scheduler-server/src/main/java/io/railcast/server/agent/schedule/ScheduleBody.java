package io.railcast.server.agent.schedule;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer of {@code GET /agent/v1/schedule} (docs/agent-protocol.md).
 *
 * @param hours    one entry per clock hour the screen is on air, from {@code from} to {@code to}
 * @param plans    every plan {@code hours} and {@code fallback} name, by id
 * @param media    every creative those plans need, by id
 * @param fallback the plan of filler the agent plays when its horizon has run out and it cannot reach us
 * @param takeovers the takeovers covering the screen that are not over, in order of start
 */
record ScheduleBody(
        String screenId,
        long version,
        Instant effectiveAt,
        String zone,
        Instant from,
        Instant to,
        List<HourEntry> hours,
        SortedMap<String, SentPlan> plans,
        List<MediaItem> media,
        @Nullable String fallback,
        List<TakeoverItem> takeovers) {

    /** Changes whenever the digest's input format does, so that agents refetch after such an upgrade. */
    private static final String DIGEST_FORMAT = "railcast-schedule-1";

    record HourEntry(Instant start, String plan) {}

    record MediaItem(String creative, String url, String sha256, long size, int duration) {}

    /**
     * A digest of what the screen plays: the horizon, the plan of each hour (plan ids are digests of their
     * content), the fallback and the media. Not the version nor when it takes effect, so that a version that
     * changes nothing for this screen keeps its ETag and the agent's {@code If-None-Match} gets a 304; nor whether
     * the answer carries the plans' bodies or names them only, which says the same.
     */
    String etag() {
        StringBuilder meaning = new StringBuilder(64 + hours.size() * 48 + media.size() * 128)
                .append(DIGEST_FORMAT)
                .append('\n')
                .append(screenId)
                .append('\n')
                .append(zone)
                .append('\n')
                .append(from)
                .append(' ')
                .append(to)
                .append('\n');
        hours.forEach(hour ->
                meaning.append(hour.start()).append('=').append(hour.plan()).append(';'));
        meaning.append('\n').append(fallback).append('\n');
        takeovers.forEach(takeover -> meaning.append(takeover).append(';'));
        media.forEach(item -> meaning.append(item.creative())
                .append(',')
                .append(item.sha256())
                .append(',')
                .append(item.size())
                .append(',')
                .append(item.duration())
                .append(',')
                .append(item.url())
                .append(';'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(meaning.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The body's JSON, gzipped: this answer's own parts are written and deflated now, each plan's JSON is the piece
     * deflated when the plan was read ({@link SentPlan}). Most of an answer is its plans (some 20 of 20 KB each),
     * which thousands of screens share. Without {@code planBodies}, the answer has no {@code plans}: the agent takes
     * those it lacks one by one ({@link PlanController}).
     */
    byte[] gzip(JsonMapper jsonMapper, boolean planBodies) {
        ByteArrayOutputStream own = new ByteArrayOutputStream(1024 + hours.size() * 96 + media.size() * 192);
        SortedMap<String, SentPlan> sent = planBodies ? plans : Collections.emptySortedMap();
        int[] planAt = new int[sent.size()];
        try (JsonGenerator json = jsonMapper.createGenerator(own)) {
            json.writeStartObject();
            json.writeStringProperty("screenId", screenId);
            json.writeNumberProperty("version", version);
            json.writePOJOProperty("effectiveAt", effectiveAt);
            json.writeStringProperty("zone", zone);
            json.writePOJOProperty("from", from);
            json.writePOJOProperty("to", to);
            json.writePOJOProperty("hours", hours);
            if (planBodies) {
                json.writeName("plans");
                json.writeStartObject();
                int plan = 0;
                for (String id : sent.keySet()) {
                    // the name and its colon now, the plan's JSON goes right after them
                    json.writeName(id);
                    json.writeRawValue("");
                    json.flush();
                    planAt[plan++] = own.size();
                }
                json.writeEndObject();
            }
            json.writePOJOProperty("media", media);
            json.writeStringProperty("fallback", fallback);
            json.writePOJOProperty("takeovers", takeovers);
            json.writeEndObject();
        }
        byte[] written = own.toByteArray();
        int planBytes = sent.values().stream()
                .mapToInt(plan -> plan.json().deflated().length)
                .sum();
        GzipJoin gzip = new GzipJoin(planBytes + written.length / 4);
        int start = 0;
        int next = 0;
        for (SentPlan plan : sent.values()) {
            gzip.append(written, start, planAt[next]).append(plan.json());
            start = planAt[next++];
        }
        return gzip.append(written, start, written.length).finish();
    }
}
