/**
 * Proof of play kept on disk until the server has acknowledged it: {@link io.railcast.agent.journal.PlayJournal},
 * append-only segments that survive a crash mid-write. Public types here serve the agent's other packages only; not an
 * API.
 */
package io.railcast.agent.journal;
