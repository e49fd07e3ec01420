package io.railcast.server.system;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, until users live in the database.
 *
 * @param adminUser     the user name for HTTP Basic; {@code admin} by default
 * @param adminPassword the password in clear, or already hashed as {@code {bcrypt}$2a$...}; when absent a random
 *                      one is generated at every start and logged once
 */
@ConfigurationProperties("railcast.security")
record AdminUserProperties(
        @DefaultValue("admin") String adminUser, @Nullable String adminPassword) {}
