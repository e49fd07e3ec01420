/**
 * The fleet simulator behind {@code scripts/bench-fleet}: thousands of virtual agents in one JVM against a real
 * scheduler-server, speaking the agent protocol (agent-protocol's messages and readers) asynchronously on one JDK
 * {@code HttpClient}; and {@link io.railcast.bench.fleet.SseBench}, the part of {@code scripts/bench-server} that wrk
 * cannot do. {@link io.railcast.bench.fleet.FleetBenchmark} and {@code SseBench} are the entries; the rest is
 * package-private.
 */
package io.railcast.bench.fleet;
