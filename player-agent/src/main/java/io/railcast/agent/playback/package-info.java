/**
 * Playing by the wall clock: which spot of which schedule is on screen now
 * ({@link io.railcast.agent.playback.Programme}), and the player loop that shows it and journals each play. Public
 * types here serve the agent's other packages only; not an API.
 */
package io.railcast.agent.playback;
