package io.railcast.server.network;

import io.railcast.server.system.FieldProblem;
import java.util.List;
import java.util.Set;

/**
 * A station or screen the network does not hold, or an import it will not take, said in its own terms. Nothing was
 * stored when one is thrown; the web edge ({@link NetworkProblems}) answers it as a problem.
 */
abstract sealed class NetworkRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private NetworkRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** No station has that code. */
    static final class UnknownStation extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final String code;

        UnknownStation(String code) {
            super("no station has code " + code);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** No screen has that id. */
    static final class UnknownScreen extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final String id;

        UnknownScreen(String id) {
            super("no screen has id " + id);
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** An edit made against another state of the object than the stored one (If-Match). */
    static final class Stale extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final String objectType;
        private final String id;

        Stale(String objectType, String id) {
            super(objectType + " " + id + " changed meanwhile");
            this.objectType = objectType;
            this.id = id;
        }

        String objectType() {
            return objectType;
        }

        String id() {
            return id;
        }
    }

    /** Stations of an import that cannot be stored as they are (a code given twice). */
    static final class InvalidStations extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        InvalidStations(List<FieldProblem> problems) {
            super(problems.size() + " problems with the stations");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** Screens of an import that cannot be stored as they are (an id given twice, an unknown station). */
    static final class InvalidScreens extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        InvalidScreens(List<FieldProblem> problems) {
            super(problems.size() + " problems with the screens");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** Stations of an import whose codes are taken already, each named at its place in the request. */
    static final class DuplicateStations extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final transient Set<String> taken;
        private final transient List<FieldProblem> problems;

        DuplicateStations(Set<String> taken, List<FieldProblem> problems) {
            super(taken.size() + " stations exist already");
            this.taken = Set.copyOf(taken);
            this.problems = List.copyOf(problems);
        }

        Set<String> taken() {
            return taken;
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** Screens of an import whose ids are taken already, each named at its place in the request. */
    static final class DuplicateScreens extends NetworkRefusal {

        private static final long serialVersionUID = 1L;

        private final transient Set<String> taken;
        private final transient List<FieldProblem> problems;

        DuplicateScreens(Set<String> taken, List<FieldProblem> problems) {
            super(taken.size() + " screens exist already");
            this.taken = Set.copyOf(taken);
            this.problems = List.copyOf(problems);
        }

        Set<String> taken() {
            return taken;
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }
}
