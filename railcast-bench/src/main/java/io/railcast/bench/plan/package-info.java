/**
 * The plan benchmark behind {@code scripts/bench-plan}: plans a generated network, audits the plan, re-plans after one
 * booking change, and prints the figures.
 */
package io.railcast.bench.plan;
