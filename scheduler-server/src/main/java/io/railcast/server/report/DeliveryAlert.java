package io.railcast.server.report;

/**
 * An active commercial campaign that is under-delivering, for the dashboard.
 *
 * @param kind       {@code shortfall}: the current version schedules fewer plays than contracted (over its whole
 *                   horizon); {@code under-played}: in past hours the screens reported, they played fewer full plays
 *                   than the version in force in each of those hours scheduled there, by more than the tolerance
 * @param contracted plays owed over the compared span (for {@code under-played}, equal to {@code scheduled})
 * @param scheduled  plays scheduled over that span: by the current version ({@code shortfall}), by the version
 *                   in force in each past hour ({@code under-played})
 * @param played     full plays the screens reported in the judged past hours (for both kinds)
 * @param shortBy    contracted less scheduled ({@code shortfall}) or scheduled less played ({@code under-played})
 * @param reason     one sentence in English saying what the figures compare
 */
record DeliveryAlert(
        String campaign,
        String name,
        String kind,
        long contracted,
        long scheduled,
        long played,
        long shortBy,
        String reason) {}
