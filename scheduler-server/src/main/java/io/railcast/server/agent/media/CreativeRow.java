package io.railcast.server.agent.media;

import io.railcast.server.agent.AgentProperties;
import org.jspecify.annotations.Nullable;

/**
 * The contract's columns of a {@code creative} row that the agent protocol needs.
 *
 * @param sha256    lower-case hex
 * @param mediaPath a file path; a relative one is resolved against {@link AgentProperties.Media#root()}
 */
public record CreativeRow(
        String id,
        int durationSeconds,
        String sha256,
        long sizeBytes,
        @Nullable String contentType,
        String mediaPath) {}
