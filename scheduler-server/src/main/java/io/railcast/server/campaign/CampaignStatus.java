package io.railcast.server.campaign;

/** Whether a campaign plays. */
enum CampaignStatus {
    /** Planned and published. */
    ACTIVE,
    /** Kept but not planned; may be resumed. */
    PAUSED,
    /** Withdrawn for good; can no longer be changed. */
    CANCELLED
}
