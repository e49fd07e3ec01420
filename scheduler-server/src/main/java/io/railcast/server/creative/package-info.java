/**
 * Creatives, the media that campaigns play: {@code /api/v1/creatives} takes an upload (multipart or the raw file),
 * streams it to the media directory while computing its SHA-256, and serves it back with its ETag and byte ranges.
 * Stored in the {@code creative} table, which the agent feature reads (docs/architecture.md).
 */
package io.railcast.server.creative;
