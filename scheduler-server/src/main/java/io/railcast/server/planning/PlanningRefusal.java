package io.railcast.server.planning;

import io.railcast.model.campaign.ValidationProblem;
import java.util.List;

/**
 * A change the planner will not make, said in its own terms. Nothing was stored when one is thrown; the web edge
 * ({@link PlanningProblems}) answers it as a problem, the planner's events report it as REFUSED.
 */
public abstract sealed class PlanningRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private PlanningRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** The campaign does not hold on the network as it is: unknown places, no screen reached, no fitting creative. */
    public static final class InvalidCampaign extends PlanningRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<ValidationProblem> problems;

        InvalidCampaign(List<ValidationProblem> problems) {
            super(problems.size() + " problems with the campaign on the network");
            this.problems = List.copyOf(problems);
        }

        public List<ValidationProblem> problems() {
            return problems;
        }
    }

    /** A contracted campaign that does not fit: the shortfalls it would cause. */
    public static final class Overbooked extends PlanningRefusal {

        private static final long serialVersionUID = 1L;

        private final String campaignId;
        private final transient AvailabilityAnswer answer;

        Overbooked(String campaignId, AvailabilityAnswer answer) {
            super("campaign " + campaignId + " does not fit");
            this.campaignId = campaignId;
            this.answer = answer;
        }

        public String campaignId() {
            return campaignId;
        }

        public AvailabilityAnswer answer() {
            return answer;
        }
    }

    /** A full re-plan asked for earlier on this instance has not ended. */
    public static final class ReplanUnderWay extends PlanningRefusal {

        private static final long serialVersionUID = 1L;

        private final long runId;

        ReplanUnderWay(long runId) {
            super("re-plan #" + runId + " has not ended");
            this.runId = runId;
        }

        public long runId() {
            return runId;
        }
    }

    /** Another instance published a version, or a hold was taken, after what this change was decided on. */
    public static final class PublishedElsewhere extends PlanningRefusal {

        private static final long serialVersionUID = 1L;

        private final long latest;

        PublishedElsewhere(long latest) {
            this("version " + latest + " was published meanwhile by another server", latest);
        }

        private PublishedElsewhere(String message, long latest) {
            super(message);
            this.latest = latest;
        }

        /** A hold was taken meanwhile (the holds' revision is now {@code revision}). */
        static PublishedElsewhere held(long revision) {
            return new PublishedElsewhere("hold " + revision + " was taken meanwhile", revision);
        }

        public long latest() {
            return latest;
        }
    }
}
