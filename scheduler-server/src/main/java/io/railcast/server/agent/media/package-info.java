/**
 * {@code GET /agent/v1/media/{creative}}: the media file of a creative the screen's schedule names, with its digest
 * as ETag; and the creatives' facts the schedule answer lists, read from {@code creative} through the storage
 * contract.
 */
package io.railcast.server.agent.media;
