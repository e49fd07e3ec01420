/**
 * Views of the current schedule version, read from the published tables (docs/architecture.md) rather than from
 * any planner's memory: what a screen plays in an hour ({@code /api/v1/screens/{id}/plan}), how full each station
 * is ({@code /api/v1/inventory}) and what a campaign gets ({@code /api/v1/campaigns/{id}/delivery}).
 */
package io.railcast.server.report;
