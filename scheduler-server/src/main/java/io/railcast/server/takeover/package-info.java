/**
 * Emergency takeovers: an operator or the CSR team puts a creative or a short text notice on chosen screens (a
 * station, zones, screen types, provinces, or the whole network) from now or a set instant until an end or until
 * cancelled, preempting every campaign there ({@code /api/v1/takeovers}). This feature owns {@code takeover} and
 * {@code takeover_lost_play} (V15) and announces every change with {@code pg_notify('takeover_changed', '<id>')} in
 * the changing transaction; {@link io.railcast.server.takeover.TakeoverBoard} keeps each instance's view of the
 * takeovers not yet over, which the agent feature sends to the screens. Once a takeover is over, the contracted plays
 * of the published plan it displaced are counted per campaign ({@code takeover_lost_play}). Settings:
 * {@link io.railcast.server.takeover.TakeoverProperties} ({@code railcast.takeover.*}).
 */
package io.railcast.server.takeover;
