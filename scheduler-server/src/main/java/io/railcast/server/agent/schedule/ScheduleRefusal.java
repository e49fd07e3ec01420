package io.railcast.server.agent.schedule;

/**
 * A schedule that cannot be sent, said in the schedule's own terms; the web edge ({@link ScheduleProblems})
 * answers it as a problem.
 */
abstract sealed class ScheduleRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ScheduleRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** No version published so far schedules the screen. */
    static final class NoSchedule extends ScheduleRefusal {

        private static final long serialVersionUID = 1L;

        private final String screenId;

        NoSchedule(String screenId) {
            super("no schedule has been published for screen " + screenId);
            this.screenId = screenId;
        }

        String screenId() {
            return screenId;
        }
    }

    /** No stored plan has the id asked for. */
    static final class NoPlan extends ScheduleRefusal {

        private static final long serialVersionUID = 1L;

        private final String planId;

        NoPlan(String planId) {
            super("no hour plan " + planId + " is stored");
            this.planId = planId;
        }

        String planId() {
            return planId;
        }
    }
}
