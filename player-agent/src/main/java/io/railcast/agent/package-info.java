/**
 * The RailCast player agent: runs beside one screen, keeps its schedule and media in a local cache, plays by the
 * wall clock and journals proof of play until the server has acknowledged it.
 *
 * <p>The public API is {@link io.railcast.agent.AgentConfig} (what to connect to and where to cache),
 * {@link io.railcast.agent.PlayerAgent} (the running agent) and {@link io.railcast.agent.Main} (the command line).
 * The protocol's messages and readers live in the agent-protocol module ({@code io.railcast.agent.protocol}), which
 * the fleet simulator shares. This package holds the wiring; the parts live in sub-packages by what they do
 * ({@code net}, {@code cache}, {@code journal}, {@code playback}, {@code kiosk}), package-private where they can be
 * and otherwise public only for each other. Everything but the three types above can change without notice.
 *
 * <p>Unless a method says otherwise, parameters must not be null, and values (records, {@code AgentConfig}) are
 * immutable and safe to share between threads. Internally each moving part names the thread it runs on.
 */
package io.railcast.agent;
