/**
 * {@code POST /agent/v1/plays}: proof of play, checked field by field, judged against what was scheduled in the
 * version it names, and stored with its rollup in one statement. Owns {@code play_record} and {@code play_slot}
 * (daily partitions; a slot's key lets only its first play count) and {@code play_rollup}.
 */
package io.railcast.server.agent.plays;
