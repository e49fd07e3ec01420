/**
 * {@code scripts/bench-book}: seeded booking requests over months, each checked for its whole flight as the server
 * checks it, the accepted book planned and audited on sampled days, and a per-screen-day airtime ledger as the peer.
 */
package io.railcast.bench.book;
