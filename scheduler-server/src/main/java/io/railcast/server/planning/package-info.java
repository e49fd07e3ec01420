/**
 * Planning and publishing: {@link io.railcast.server.planning.PlanningService} keeps the current plan in memory,
 * takes booking changes one at a time, checks availability, and publishes every accepted change as a new immutable
 * numbered schedule version ({@code schedule_version}, {@code hour_plan}, {@code screen_schedule}, written exactly as
 * docs/architecture.md states) followed by {@code NOTIFY schedule_published}. Also the nightly re-plan (Quartz),
 * {@code /api/v1/versions} and the plan progress stream {@code /api/v1/plans/events}.
 */
package io.railcast.server.planning;
