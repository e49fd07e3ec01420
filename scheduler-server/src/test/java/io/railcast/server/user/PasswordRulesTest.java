package io.railcast.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void takesTenCharactersAndRefusesNine() {
        assertThat(problems("abcdefghij", "li.na")).isEmpty();
        assertThat(problems("abcdefghi", "li.na"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("at least 10 characters"));
        assertThat(problems(null, "li.na")).hasSize(1);
    }

    @Test
    void countsCharactersNotBytesForTheMinimumAndBytesForTheMaximum() {
        assertThat(problems("铁路铁路铁路铁路铁路", "li.na"))
                .as("10 characters, 30 bytes")
                .isEmpty();
        assertThat(problems("铁".repeat(24), "li.na")).as("72 bytes").isEmpty();
        assertThat(problems("铁".repeat(25), "li.na"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("72 bytes"));
    }

    @Test
    void refusesAPasswordHoldingTheUserNameInAnyCase() {
        assertThat(problems("My-LI.NA-password", "li.na"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("user name"));
        assertThat(problems("li.na-lives-here", "li.na")).hasSize(1);
        assertThat(problems("lin-a-lives-here", "li.na")).isEmpty();
    }

    @Test
    void refusesControlCharactersNamingTheField() {
        assertThat(problems("abcdefghij\u0000", "li.na"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.field()).isEqualTo("newPassword"));
    }

    private static List<FieldProblem> problems(String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRules.check("newPassword", password, username, problems);
        return problems;
    }
}
