package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/** Whether someone signed in may go on as the user now stored is: enabled, same roles, same password. */
class SignedInUsersTest {

    private static final UserDetails PLANNER = User.withUsername("li.na")
            .password("{bcrypt}hash-1")
            .roles("PLANNER")
            .build();
    private static final Authentication SIGNED_IN =
            UsernamePasswordAuthenticationToken.authenticated(PLANNER, null, PLANNER.getAuthorities());

    @Test
    void goesOnWhileTheUserIsUnchanged() {
        assertThat(SignedInUsers.stillValid(
                        SIGNED_IN, Optional.of(User.withUserDetails(PLANNER).build())))
                .isTrue();
    }

    @Test
    void endsForADisabledUser() {
        UserDetails disabled = User.withUserDetails(PLANNER).disabled(true).build();
        assertThat(SignedInUsers.stillValid(SIGNED_IN, Optional.of(disabled))).isFalse();
    }

    @Test
    void endsForAnotherRole() {
        UserDetails operator = User.withUserDetails(PLANNER).roles("OPERATOR").build();
        assertThat(SignedInUsers.stillValid(SIGNED_IN, Optional.of(operator))).isFalse();
    }

    @Test
    void endsForAnotherPassword() {
        UserDetails reset =
                User.withUserDetails(PLANNER).password("{bcrypt}hash-2").build();
        assertThat(SignedInUsers.stillValid(SIGNED_IN, Optional.of(reset))).isFalse();
    }

    @Test
    void endsForAUserNoLongerFound() {
        assertThat(SignedInUsers.stillValid(SIGNED_IN, Optional.empty())).isFalse();
    }
}
