/**
 * Agent tokens: issued and revoked by operators under {@code /api/v1/screens/{id}/agent-token} (one screen) and
 * {@code /api/v1/agent-tokens} (a batch), checked on every agent call by the agent security chain
 * ({@link io.railcast.server.agent.token.AgentTokens}, remembered for a while, forgotten on any instance at once when
 * revoked). Owns {@code agent_token}.
 */
package io.railcast.server.agent.token;
