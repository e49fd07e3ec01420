package io.railcast.server.agent.schedule;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import tools.jackson.databind.json.JsonMapper;

/**
 * An hour plan as {@link PlanCache} keeps it: its protocol JSON ({@code plans[id]} of a schedule answer), deflated
 * once, and the creatives it plays. A demo plan is some 20 KB of JSON and 1 KB deflated; thousands of
 * screens name the same plan, and every schedule answer that does copies the deflated piece into its gzip
 * ({@link GzipJoin}) instead of writing and compressing the plan again. Immutable.
 *
 * @param json      the plan's JSON, deflated on its own
 * @param creatives the creatives the plan plays
 */
record SentPlan(GzipJoin.Piece json, Set<String> creatives) {

    /** Plans are deflated once and sent thousands of times: worth the default level rather than the fastest. */
    private static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

    static SentPlan of(PlanView view, JsonMapper jsonMapper) {
        // a few hundred creatives recur in every plan: one string each
        Set<String> creatives = view.creatives().stream().map(String::intern).collect(Collectors.toUnmodifiableSet());
        return new SentPlan(GzipJoin.Piece.of(jsonMapper.writeValueAsBytes(view), LEVEL), creatives);
    }

    /** The plan's JSON as one gzip member, as {@code GET /agent/v1/plans/{id}} sends it. */
    byte[] gzip() {
        return new GzipJoin(json.deflated().length + 32).append(json).finish();
    }

    /** About how many bytes of heap the plan takes: its deflated JSON and the set of its (shared) creatives. */
    int weightBytes() {
        return 64 + 16 + json.deflated().length + 16 + creatives.size() * 8;
    }
}
