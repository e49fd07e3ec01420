package io.railcast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.audit.AuditReport;
import io.railcast.model.audit.ScheduleAuditor;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import io.railcast.model.planning.PsaPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever realistic booking book the generator draws, the planner's schedule passes the independent
 * auditor — every contracted play, no fault of any hard kind, spacing within one play, the PSA floor met.
 */
class PlannerAgainstAuditorTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2024, 20261124})
    void everyGeneratedBookingBookIsPlannedWithoutAFault(long seed) {
        plansWithoutAFault(DemoOptions.defaults()
                .withSeed(seed)
                .withNetwork(30, 330)
                .withCampaigns(60)
                .withHorizon(DemoOptions.defaults().firstDay(), 3));
    }

    /** Few stations and many bookings: hours filled close to the generator's 65% cap, categories crowding. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11})
    void crowdedNetworksArePlannedWithoutAFault(long seed) {
        plansWithoutAFault(DemoOptions.defaults()
                .withSeed(seed)
                .withNetwork(28, 60)
                .withCampaigns(300)
                .withHorizon(DemoOptions.defaults().firstDay(), 2));
    }

    private static void plansWithoutAFault(DemoOptions options) {
        DemoScenario scenario = NetworkGenerator.generate(options);
        PlanResult plan = new NetworkPlanner(PsaPolicy.DEFAULT)
                .plan(scenario.network(), scenario.campaigns(), options.firstDay(), options.days());

        AuditReport audit = new ScheduleAuditor()
                .audit(scenario.network(), scenario.campaigns(), PsaPolicy.DEFAULT, plan.schedule());

        assertThat(audit.faults()).isEmpty();
        assertThat(audit.isFeasible()).isTrue();
        assertThat(plan.schedule().shortfalls()).isEmpty();
        assertThat(audit.maxCumulativeDeviation()).isLessThanOrEqualTo(1.0);
        assertThat(audit.psaShareMin()).isGreaterThanOrEqualTo(PsaPolicy.DEFAULT.defaultShare());
    }
}
