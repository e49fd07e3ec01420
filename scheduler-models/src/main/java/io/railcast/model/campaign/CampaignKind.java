package io.railcast.model.campaign;

/** What a campaign is for, which decides how the planner treats its plays. */
public enum CampaignKind {
    /** Paid airtime: its frequency is a contract and must be met exactly. */
    COMMERCIAL,
    /** Public-service ads: free airtime; exact when a frequency is guaranteed, otherwise used for the PSA share. */
    PUBLIC_SERVICE,
    /** The operator's own content that fills whatever time is left, so no screen shows dead air. */
    FILLER;

    public boolean isPublicService() {
        return this == PUBLIC_SERVICE;
    }
}
