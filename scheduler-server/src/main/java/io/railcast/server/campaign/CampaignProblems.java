package io.railcast.server.campaign;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The campaign desk's refusals as the API answers them: RFC 9457 problems naming each field at fault. */
@RestControllerAdvice
class CampaignProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(CampaignRefusal refusal) {
        return problem(refusal).toResponse();
    }

    private static ApiProblem problem(CampaignRefusal refusal) {
        String id = refusal.campaignId();
        if (refusal instanceof CampaignRefusal.UnknownCampaign) {
            return ApiProblem.notFound("unknown-campaign", "Unknown campaign", "No campaign has id " + id + ".");
        }
        if (refusal instanceof CampaignRefusal.UnknownHold hold) {
            return ApiProblem.notFound(
                    "unknown-hold",
                    "Unknown hold",
                    "No hold in force has number " + hold.holdId()
                            + ": it was confirmed, released or has expired, or never existed.");
        }
        if (refusal instanceof CampaignRefusal.InvalidCampaign invalid) {
            return ApiProblem.invalid("invalid-campaign", "Invalid campaign", invalid.problems());
        }
        if (refusal instanceof CampaignRefusal.InvalidPublication) {
            return ApiProblem.invalid(
                    "invalid-publication",
                    "Invalid publication",
                    List.of(FieldProblem.of("effectiveAt", refusal.getMessage())));
        }
        if (refusal instanceof CampaignRefusal.KindNotAllowed forbidden) {
            return ApiProblem.forbidden(
                    "forbidden-kind",
                    "Forbidden",
                    forbidden.user() + " may not book or change " + forbidden.kind() + " campaigns.");
        }
        if (refusal instanceof CampaignRefusal.CampaignCancelled) {
            return ApiProblem.conflict(
                    "campaign-cancelled",
                    "Campaign cancelled",
                    "Campaign " + id + " is cancelled and can no longer be changed.",
                    List.of());
        }
        if (refusal instanceof CampaignRefusal.StaleCampaign stale) {
            return ApiProblem.of(
                    HttpStatus.PRECONDITION_FAILED,
                    "stale-campaign",
                    "Campaign changed",
                    "Campaign " + id + " is at version " + stale.stored() + ", not " + stale.expected()
                            + "; nothing was changed. Reload and try again.",
                    Map.of());
        }
        if (refusal instanceof CampaignRefusal.ChangedMeanwhile) {
            return ApiProblem.conflict(
                    "conflict",
                    "Conflicting change",
                    "Campaign " + id + " was changed meanwhile; nothing was changed. Reload and try again.",
                    List.of());
        }
        String why = ((CampaignRefusal.DuplicateCampaign) refusal).why();
        return ApiProblem.conflict(
                "duplicate-campaign",
                "Campaign exists",
                "Id " + id + " is taken: " + why + ". Nothing was stored.",
                List.of(FieldProblem.of("id", "id " + id + " is taken: " + why)));
    }
}
