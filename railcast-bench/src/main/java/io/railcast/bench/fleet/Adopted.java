package io.railcast.bench.fleet;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.ScheduledHour;
import java.util.List;
import java.util.Map;

/**
 * The schedule a virtual agent plays: its version, hours and the plans they name. The plans are the fleet's shared
 * instances ({@link PlanLibrary}), so 5,600 agents hold each distinct plan once.
 */
record Adopted(long version, List<ScheduledHour> hours, Map<String, HourPlan> plans) {}
