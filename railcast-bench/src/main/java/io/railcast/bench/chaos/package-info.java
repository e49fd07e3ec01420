/**
 * The chaos benchmark behind {@code scripts/bench-chaos} (docs/benchmarks.md): servers on a PostgreSQL it controls,
 * the fleet simulator behind a TCP proxy it can cut, a stream of bookings, faults injected one at a time, and the
 * accounts of what was lost.
 */
package io.railcast.bench.chaos;
