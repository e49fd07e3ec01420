package io.railcast.model.schedule;

import java.time.LocalDate;

/**
 * Contracted plays the planner could not place: on each of {@code screens} screens of station {@code station} in
 * that hour, {@code missingPlays} plays of the campaign ({@code missingSeconds} of airtime) are missing. The planner
 * never drops a contracted play without naming it here.
 */
public record Shortfall(
        String campaignId,
        String station,
        LocalDate date,
        int hour,
        int screens,
        int missingPlays,
        int missingSeconds) {}
