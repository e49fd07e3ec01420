package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.system.FieldProblem;
import java.util.List;

/**
 * A booking or change the campaign desk will not take, said in its own terms. Nothing was stored when one is thrown;
 * the web edge ({@link CampaignProblems}) answers it as a problem. The planner's own refusals (overbooked, invalid
 * on the network) are {@link io.railcast.server.planning.PlanningRefusal}s.
 */
abstract sealed class CampaignRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String campaignId;

    private CampaignRefusal(String campaignId, String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
        this.campaignId = campaignId;
    }

    /** The campaign the refusal concerns; empty when it has no id yet. */
    String campaignId() {
        return campaignId;
    }

    /** No hold in force has that number (it never existed, was confirmed or released, or expired). */
    static final class UnknownHold extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        private final long holdId;

        UnknownHold(long holdId) {
            super("", "no hold in force has number " + holdId);
            this.holdId = holdId;
        }

        long holdId() {
            return holdId;
        }
    }

    /** No campaign has that id. */
    static final class UnknownCampaign extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        UnknownCampaign(String id) {
            super(id, "no campaign has id " + id);
        }
    }

    /** The fields of a campaign that are wrong, every one named. */
    static final class InvalidCampaign extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        InvalidCampaign(List<FieldProblem> problems) {
            super("", problems.size() == 1 ? problems.get(0).message() : problems.size() + " problems");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** When the change should take effect is not an instant, lies in the past or too far ahead. */
    static final class InvalidPublication extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        InvalidPublication(String message) {
            super("", message);
        }
    }

    /** The user may not book or change campaigns of this kind. */
    static final class KindNotAllowed extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        private final String user;
        private final CampaignKind kind;

        KindNotAllowed(String user, CampaignKind kind) {
            super("", user + " may not book or change " + kind + " campaigns");
            this.user = user;
            this.kind = kind;
        }

        String user() {
            return user;
        }

        CampaignKind kind() {
            return kind;
        }
    }

    /** A cancelled campaign can no longer be changed. */
    static final class CampaignCancelled extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        CampaignCancelled(String id) {
            super(id, "campaign " + id + " is cancelled");
        }
    }

    /** The caller changed a version of the campaign that is no longer the stored one (If-Match). */
    static final class StaleCampaign extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        private final int stored;
        private final int expected;

        StaleCampaign(String id, int stored, int expected) {
            super(id, "campaign " + id + " is at version " + stored + ", not " + expected);
            this.stored = stored;
            this.expected = expected;
        }

        int stored() {
            return stored;
        }

        int expected() {
            return expected;
        }
    }

    /** Someone else changed the campaign between reading and writing it. */
    static final class ChangedMeanwhile extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        ChangedMeanwhile(String id) {
            super(id, "campaign " + id + " was changed meanwhile");
        }
    }

    /**
     * A campaign or hold has that id already, and this request is no retry of the one that stored it ({@link Replays}):
     * {@code why} says what stands under the id.
     */
    static final class DuplicateCampaign extends CampaignRefusal {

        private static final long serialVersionUID = 1L;

        private final String why;

        DuplicateCampaign(String id, String why) {
            super(id, "id " + id + " is taken: " + why);
            this.why = why;
        }

        String why() {
            return why;
        }
    }
}
