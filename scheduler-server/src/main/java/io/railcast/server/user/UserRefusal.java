package io.railcast.server.user;

import io.railcast.server.system.FieldProblem;
import java.util.List;

/**
 * A change to the users the directory will not make, or a user it does not know, said in its own terms. Nothing was
 * stored when one is thrown; the web edge ({@link UserProblems}) answers it as a problem.
 */
abstract sealed class UserRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private UserRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** No user has that name. */
    static final class UnknownUser extends UserRefusal {

        private static final long serialVersionUID = 1L;

        private final String username;

        UnknownUser(String username) {
            super("no user is named " + username);
            this.username = username;
        }

        String username() {
            return username;
        }
    }

    /** The fields of a new user, a change or a password that are wrong. */
    static final class InvalidUser extends UserRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        InvalidUser(List<FieldProblem> problems) {
            super(problems.size() + " problems with the user");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** A user of that name exists already. */
    static final class DuplicateUser extends UserRefusal {

        private static final long serialVersionUID = 1L;

        private final String username;

        DuplicateUser(String username) {
            super("a user named " + username + " exists already");
            this.username = username;
        }

        String username() {
            return username;
        }
    }

    /** The change would leave no enabled administrator among the stored users. */
    static final class LastAdministrator extends UserRefusal {

        private static final long serialVersionUID = 1L;

        private final String username;

        LastAdministrator(String username) {
            super(username + " is the last enabled administrator");
            this.username = username;
        }

        String username() {
            return username;
        }
    }

    /** The administrator from configuration is not stored: it is changed by configuration, not through the API. */
    static final class ConfiguredAdministrator extends UserRefusal {

        private static final long serialVersionUID = 1L;

        private final String username;

        ConfiguredAdministrator(String username) {
            super(username + " is the administrator from configuration");
            this.username = username;
        }

        String username() {
            return username;
        }
    }
}
