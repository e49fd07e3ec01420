/**
 * The agent protocol (docs/agent-protocol.md) as values and readers: the schedule a screen plays
 * ({@link io.railcast.agent.protocol.Schedule} and its parts, read by {@link io.railcast.agent.protocol.ScheduleJson}),
 * proof of play ({@link io.railcast.agent.protocol.PlayRecord}) and the event stream's format
 * ({@link io.railcast.agent.protocol.SseParser}). Shared by the player agent and the fleet simulator, which speaks the
 * same protocol for thousands of screens in one JVM; it follows the protocol and may change with it. No I/O here.
 *
 * <p>Unless a method says otherwise, parameters must not be null, and values are immutable and safe to share between
 * threads; a parser is one per connection.
 */
package io.railcast.agent.protocol;
