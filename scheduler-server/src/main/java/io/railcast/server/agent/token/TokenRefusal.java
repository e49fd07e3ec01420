package io.railcast.server.agent.token;

import io.railcast.server.system.FieldProblem;
import java.util.List;

/**
 * A token that cannot be issued or revoked, said in the tokens' own terms. Nothing was changed when one is thrown;
 * the web edge ({@link TokenProblems}) answers it as a problem.
 */
abstract sealed class TokenRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private TokenRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** No screen has that id. */
    static final class UnknownScreen extends TokenRefusal {

        private static final long serialVersionUID = 1L;

        private final String screenId;

        UnknownScreen(String screenId) {
            super("no screen has id " + screenId);
            this.screenId = screenId;
        }

        String screenId() {
            return screenId;
        }
    }

    /** Screens of a batch that are not in the network, each named by its index in the request. */
    static final class UnknownScreens extends TokenRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        UnknownScreens(List<FieldProblem> problems) {
            super(problems.size() + " unknown screens");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }
}
