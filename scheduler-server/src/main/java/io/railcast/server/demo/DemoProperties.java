package io.railcast.server.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo scenario loaded into an empty database.
 *
 * @param enabled       load it at all; on by default, so that a fresh start shows something
 * @param seed          the generator's seed: the same options give the same scenario
 * @param stations      how many stations
 * @param screens       how many screens
 * @param campaigns     how many campaigns of all kinds
 * @param usersPassword the password of the demo users planner, csr and operator; generated and logged once when
 *                      absent
 */
@ConfigurationProperties("railcast.demo")
record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20250901") long seed,
        @DefaultValue("500") int stations,
        @DefaultValue("5600") int screens,
        @DefaultValue("300") int campaigns,
        @Nullable String usersPassword) {}
