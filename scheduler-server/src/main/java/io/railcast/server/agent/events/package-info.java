/**
 * {@code GET /agent/v1/events}: server-sent events telling agents of each published version that concerns them
 * (heard by one listening connection per instance) and keeping the stream alive; a revoked token ends its streams.
 */
package io.railcast.server.agent.events;
