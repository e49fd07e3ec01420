package io.railcast.server.user;

import io.railcast.server.system.SignInLimits;
import java.time.Instant;
import java.util.Locale;

/**
 * A sign-in lockout in force on the answering instance.
 *
 * @param kind     {@code user} (a user name) or {@code address} (a source address)
 * @param key      the user name or the address
 * @param until    when it ends by itself
 * @param failures failed sign-ins that caused it
 */
record SignInLockoutView(String kind, String key, Instant until, int failures) {

    static SignInLockoutView of(SignInLimits.Lockout lockout) {
        return new SignInLockoutView(
                lockout.kind().name().toLowerCase(Locale.ROOT), lockout.key(), lockout.until(), lockout.failures());
    }
}
