/**
 * {@code POST /agent/v1/status} (heartbeats, stored in batches) and {@code GET /api/v1/screens/status} (the agents'
 * state for operators), with the counts of stale and offline screens. Owns {@code screen_status}.
 */
package io.railcast.server.agent.status;
