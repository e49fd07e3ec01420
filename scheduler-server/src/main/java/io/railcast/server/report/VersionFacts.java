package io.railcast.server.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the reports need of one schedule version, read once and kept (a version never changes): how many
 * screen-hours of each station and day play each plan, and what each plan holds.
 *
 * @param usage one entry per station, day and plan
 * @param plans what each plan of the version holds, by plan id
 */
record VersionFacts(long version, LocalDate firstDay, int days, List<PlanUsage> usage, Map<String, PlanFacts> plans) {

    /** {@code screenHours} screen-hours of {@code station} on {@code date} play plan {@code planId}. */
    record PlanUsage(String station, LocalDate date, String planId, long screenHours) {}

    /**
     * One hour plan, summed up.
     *
     * @param onAirSeconds how much of the hour is on air
     * @param campaigns    per campaign: its kind letter (C, P, F), plays and seconds in the hour
     */
    record PlanFacts(int onAirSeconds, Map<String, CampaignShare> campaigns) {}

    record CampaignShare(char kind, int plays, int seconds) {}
}
