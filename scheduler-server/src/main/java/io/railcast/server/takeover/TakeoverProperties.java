package io.railcast.server.takeover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of emergency takeovers ({@code railcast.takeover.*}).
 *
 * @param poll    how often each instance rereads the takeovers not yet over (catching a lost notification) and
 *                counts the lost plays of those just over; default 5 s
 * @param maxLength the longest a takeover may be set to last; default 7 days (one until cancelled has no end)
 */
@ConfigurationProperties("railcast.takeover")
record TakeoverProperties(
        @DefaultValue("5s") Duration poll,
        @DefaultValue("7d") Duration maxLength) {}
