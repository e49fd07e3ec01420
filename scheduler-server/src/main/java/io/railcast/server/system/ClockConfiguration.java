package io.railcast.server.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's clock: the one bean that says what day the planner plans from, when a version is published and takes
 * effect, and which hours of proof of play are past for the delivery alerts. Those decisions have to agree with each
 * other, so they read the same clock (a test replaces it with a {@code @Primary} one to run the server at another
 * time of day). The agent protocol's own checks (play age, schedule horizon, token cache) and Quartz still read the
 * system clock.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
