package io.railcast.server.audit;

import io.railcast.server.system.FieldProblem;
import java.util.List;

/**
 * A question to the history that cannot be answered as asked: the parameters at fault, each named. The web edge
 * ({@link AuditProblems}) answers it as 400.
 */
final class AuditRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    AuditRefusal(List<FieldProblem> problems) {
        super(problems.size() + " invalid parameters", null, false, false); // an answer, not a failure
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
