/**
 * The RailCast player agent: runs beside one screen, keeps its schedule and media in a local cache, plays by the
 * wall clock and journals proof of play until the server has acknowledged it.
 *
 * <p>The public API is {@link io.railcast.agent.AgentConfig} (what to connect to and where to cache),
 * {@link io.railcast.agent.PlayerAgent} (the running agent) and {@link io.railcast.agent.Main} (the command line).
 * The protocol's values and readers ({@link io.railcast.agent.Schedule} and its parts,
 * {@link io.railcast.agent.ScheduleJson}, {@link io.railcast.agent.SseParser}, {@link io.railcast.agent.PlayRecord})
 * are public too, for the fleet simulator in {@code io.railcast.agent.fleet}, which speaks the same protocol for
 * thousands of screens in one JVM; they follow the protocol and may change with it. Everything else is
 * package-private, so it can change without notice.
 *
 * <p>Unless a method says otherwise, parameters must not be null, and values (records, {@code AgentConfig}) are
 * immutable and safe to share between threads. Internally each moving part names the thread it runs on.
 */
package io.railcast.agent;
