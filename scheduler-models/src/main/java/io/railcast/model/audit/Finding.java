package io.railcast.model.audit;

/** A fault found in a plan, before it is pinned to the screen-hours that play the plan. */
record Finding(AuditFault.Kind kind, String campaignId, String detail) {

    AuditFault at(String screenId, java.time.LocalDate date, int hour) {
        return new AuditFault(kind, screenId, date, hour, campaignId, detail);
    }
}
