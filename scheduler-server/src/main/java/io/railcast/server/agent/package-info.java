/**
 * The agent protocol (docs/agent-protocol.md), served to the screens' player agents under {@code /agent/v1} with a
 * security chain of its own (Bearer agent tokens, the principal is the screen id): the schedule, the events stream,
 * media, proof of play and heartbeats. Operators issue and revoke tokens under
 * {@code /api/v1/screens/{id}/agent-token} and see the agents' state at {@code /api/v1/screens/status}.
 *
 * <p>Published schedules, creatives, stations and screens are read from the planning, creative and network features'
 * tables through the columns of the storage contract (docs/architecture.md) only; this feature owns
 * {@code agent_token}, {@code screen_status}, {@code play_record} and {@code play_slot} (daily partitions) and
 * {@code play_rollup}. Settings:
 * {@link io.railcast.server.agent.AgentProperties} ({@code railcast.agent.*}).
 *
 * <p>One sub-package per job: {@code token}, {@code schedule}, {@code events}, {@code plays}, {@code status} and
 * {@code media}; this package holds what they share (settings, the security chain, metrics, text and row helpers).
 * Everything is package-private unless another sub-package needs it; the feature's surface is HTTP.
 */
package io.railcast.server.agent;
