package io.railcast.server.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on sign-ins that are not yet known to be right (HTTP Basic and the console's form), under
 * {@code railcast.sign-in}. See {@link SignInLimits}.
 *
 * @param userAttempts    failed sign-ins of one user name within {@code window} before it is locked out; 5
 * @param addressAttempts failed sign-ins from one source address within {@code window} before it is locked out,
 *                        except for the users already signed in from there; 20 (an office behind one NAT address
 *                        shares it, but its people are known there after their first sign-in)
 * @param window          how long a failure counts; 15 min
 * @param lockout         how long a lockout lasts; 15 min
 * @param cacheTtl        how long a verified user name and password is believed without running BCrypt again;
 *                        30 s (the longest a password changed elsewhere keeps working on this instance)
 */
@ConfigurationProperties("railcast.sign-in")
record SignInProperties(
        @DefaultValue("5") int userAttempts,
        @DefaultValue("20") int addressAttempts,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("30s") Duration cacheTtl) {

    SignInProperties {
        if (userAttempts < 1 || addressAttempts < 1) {
            throw new IllegalArgumentException("railcast.sign-in.user-attempts and .address-attempts must be at"
                    + " least 1, got " + userAttempts + " and " + addressAttempts);
        }
        if (window.isNegative()
                || window.isZero()
                || lockout.isNegative()
                || lockout.isZero()
                || cacheTtl.isNegative()) {
            throw new IllegalArgumentException(
                    "railcast.sign-in.window and .lockout must be positive and" + " .cache-ttl not negative");
        }
    }
}
