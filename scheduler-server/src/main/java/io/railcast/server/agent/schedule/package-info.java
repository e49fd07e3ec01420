/**
 * {@code GET /agent/v1/schedule}: a screen's published plans for the hours ahead, as one body of hours, spots and
 * media, compressed and kept per screen, version and horizon. Reads {@code schedule_version} and
 * {@code screen_schedule} through the storage contract; plays and events read the same rows through
 * {@link io.railcast.server.agent.schedule.ScheduleRepository}.
 */
package io.railcast.server.agent.schedule;
