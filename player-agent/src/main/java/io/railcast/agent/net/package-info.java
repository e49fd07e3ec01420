/**
 * The agent's side of the HTTP protocol: {@link io.railcast.agent.net.ServerClient} (schedule, media, plays,
 * heartbeats), the event stream, retry gates and the server's clock. Its public types are public only for the agent's
 * other packages, not an API: they may change without notice.
 */
package io.railcast.agent.net;
