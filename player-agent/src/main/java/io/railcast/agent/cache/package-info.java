/**
 * The agent's local cache on disk: the schedules it holds ({@link io.railcast.agent.cache.ScheduleStore}) and the
 * verified media files ({@link io.railcast.agent.cache.MediaCache}), written so that kill -9 and power loss leave
 * either the old state or the new. Public types here serve the agent's other packages only; not an API.
 */
package io.railcast.agent.cache;
