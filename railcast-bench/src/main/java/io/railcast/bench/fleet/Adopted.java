package io.railcast.bench.fleet;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.ScheduledHour;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The schedule a virtual agent plays: its version, hours and the plans they name. The plans are the fleet's shared
 * instances ({@link PlanLibrary}), so 5,600 agents hold each distinct plan once.
 */
record Adopted(long version, List<ScheduledHour> hours, Map<String, HourPlan> plans) {

    /**
     * Whether there is something to play at {@code now}: the horizon has not run out. A virtual agent keeps its
     * schedule in memory whatever the server does, so this fails only if it could not fetch a new one for the whole
     * horizon.
     */
    boolean onAir(Instant now) {
        return !hours.isEmpty()
                && hours.get(hours.size() - 1).start().plusSeconds(3600).isAfter(now);
    }
}
