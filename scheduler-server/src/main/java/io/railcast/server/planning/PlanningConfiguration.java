package io.railcast.server.planning;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.railcast.model.planning.DecidedHours;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.solver.HourSolver;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The planners of scheduler-models, set up from {@link PlanningProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PlanningProperties.class, RetentionProperties.class, BookingProperties.class})
class PlanningConfiguration {

    static {
        // OptaPlanner registers its solver meters in the global registry, one set per solver, and every solver
        // after the first makes Micrometer warn about a duplicate gauge; the planner's own figures are logged
        Metrics.globalRegistry.config().meterFilter(MeterFilter.denyNameStartsWith("optaplanner"));
    }

    /**
     * Two planners: the one whose plans are published, and one with a small local-search budget that answers
     * availability checks (and tells whether a booking's hours needed search at all; when none did, its plan is
     * exactly the full planner's), with the ledger of the hours its whole-flight checks decided ({@link HourLedger}).
     */
    record Planners(NetworkPlanner full, NetworkPlanner check, DecidedHours decided) {}

    @Bean
    Planners planners(PlanningProperties properties, BookingProperties booking, Clock clock) {
        PsaPolicy policy = new PsaPolicy(properties.psaShare(), properties.psaShareByProvince());
        NetworkPlanner check =
                new NetworkPlanner(new HourSolver(properties.checkSteps()), policy, properties.plannerThreads());
        return new Planners(
                new NetworkPlanner(new HourSolver(properties.unimprovedSteps()), policy, properties.plannerThreads()),
                check,
                new DecidedHours(check.decisionRevision(), booking.ledgerCapacity(), clock));
    }
}
