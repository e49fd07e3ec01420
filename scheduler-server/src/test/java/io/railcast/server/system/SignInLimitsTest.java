package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.system.SignInLimits.Attempt;
import io.railcast.server.system.SignInLimits.Kind;
import io.railcast.server.system.SignInLimits.Lockout;
import io.railcast.server.system.SignInLimits.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The lockout rules on a clock the tests move: 3 failures per user, 5 per address, in 10 min, locked for 5. */
class SignInLimitsTest {

    private static final String HOME = "192.0.2.1";
    private static final String OFFICE = "192.0.2.2";

    private final MovableClock clock = new MovableClock();
    private final SignInLimits limits = new SignInLimits(
            new SignInProperties(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(30)), clock);

    @Test
    void locksOutAUserAfterTheAllowedFailuresUntilTheLockoutEnds() {
        fail("li.na", HOME, 3);
        Refusal refused = (Refusal) limits.begin("li.na", OFFICE);
        assertThat(refused.kind()).isEqualTo(Kind.USER);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        clock.move(Duration.ofMinutes(4));
        assertThat(((Refusal) limits.begin("li.na", HOME)).retryAfter()).isEqualTo(Duration.ofMinutes(1));
        clock.move(Duration.ofMinutes(1));
        assertThat(limits.begin("li.na", HOME)).isInstanceOf(Attempt.class);
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        fail("li.na", HOME, 2);
        clock.move(Duration.ofMinutes(10));
        fail("li.na", HOME, 2);
        assertThat(limits.begin("li.na", HOME)).isInstanceOf(Attempt.class);
    }

    @Test
    void aSuccessfulSignInForgetsTheUsersFailures() {
        fail("li.na", HOME, 2);
        ((Attempt) limits.begin("li.na", HOME)).succeeded();
        fail("li.na", HOME, 2);
        assertThat(limits.begin("li.na", HOME)).isInstanceOf(Attempt.class);
    }

    @Test
    void checksOneSignInAtATimeFromAnAddressItsUserIsNotKnownAt() {
        Attempt first = (Attempt) limits.begin("guess-1", OFFICE);
        Refusal busy = (Refusal) limits.begin("guess-2", OFFICE);
        assertThat(busy.kind()).isEqualTo(Kind.ADDRESS);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        first.failed();
        assertThat(limits.begin("guess-2", OFFICE)).isInstanceOf(Attempt.class);
    }

    @Test
    void refusesMoreChecksUnderWayThanFailuresAllowedWithoutLockingOut() {
        ((Attempt) limits.begin("li.na", HOME)).succeeded(); // known at HOME: only her own limits apply
        Attempt first = (Attempt) limits.begin("li.na", HOME);
        limits.begin("li.na", HOME);
        limits.begin("li.na", HOME);
        Refusal busy = (Refusal) limits.begin("li.na", HOME);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        first.succeeded();
        first.failed(); // only the first outcome of an attempt counts
        assertThat(limits.begin("li.na", HOME)).isInstanceOf(Attempt.class);
        assertThat(limits.lockouts()).isEmpty();
    }

    @Test
    void anAbandonedCheckIsNeitherAFailureNorASuccess() {
        fail("li.na", HOME, 2);
        for (int i = 0; i < 5; i++) {
            ((Attempt) limits.begin("li.na", HOME)).abandoned();
        }
        fail("li.na", HOME, 1);
        assertThat(limits.begin("li.na", HOME)).isInstanceOf(Refusal.class);
    }

    @Test
    void locksOutAnAddressButNotTheUsersAlreadySignedInFromThere() {
        ((Attempt) limits.begin("li.na", OFFICE)).succeeded();
        for (int i = 0; i < 5; i++) {
            fail("guess-" + i, OFFICE, 1);
        }
        Refusal refused = (Refusal) limits.begin("wang.wei", OFFICE);
        assertThat(refused.kind()).isEqualTo(Kind.ADDRESS);
        assertThat(limits.begin("li.na", OFFICE)).isInstanceOf(Attempt.class);
        assertThat(limits.begin("wang.wei", HOME)).isInstanceOf(Attempt.class);
    }

    @Test
    void administratorsSeeAndClearLockouts() {
        fail("li.na", HOME, 3);
        for (int i = 0; i < 5; i++) {
            fail("guess-" + i, OFFICE, 1);
        }
        Instant until = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(limits.lockouts())
                .containsExactly(
                        new Lockout(Kind.USER, "li.na", until, 3), new Lockout(Kind.ADDRESS, OFFICE, until, 5));
        assertThat(limits.clear(Kind.USER, "li.na")).isTrue();
        assertThat(limits.clear(Kind.USER, "li.na")).isFalse();
        assertThat(limits.lockouts()).extracting(Lockout::kind).containsExactly(Kind.ADDRESS);
        assertThat(limits.begin("li.na", HOME)).isInstanceOf(Attempt.class);
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            ((Attempt) limits.begin(username, address)).failed();
        }
    }

    /** A clock that stands still until a test moves it. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T02:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
