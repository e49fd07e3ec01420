package io.railcast.server.planning;

import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.solver.HourSolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The planner of scheduler-models, set up from {@link PlanningProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanningProperties.class)
class PlanningConfiguration {

    @Bean
    NetworkPlanner networkPlanner(PlanningProperties properties) {
        PsaPolicy policy = new PsaPolicy(properties.psaShare(), properties.psaShareByProvince());
        return new NetworkPlanner(new HourSolver(), policy, properties.plannerThreads());
    }
}
