package io.railcast.server.report;

/**
 * An active commercial campaign that is under-delivering, for the dashboard.
 *
 * @param kind       {@code shortfall}: the current version schedules fewer plays than contracted (over its whole
 *                   horizon); {@code under-played}: in past hours the screens reported, they played fewer full plays
 *                   than the version scheduled there, by more than the tolerance
 * @param contracted plays owed over the compared span (for {@code under-played}, equal to {@code scheduled})
 * @param scheduled  plays the current version schedules over that span
 * @param played     full plays the screens reported over that span; for {@code shortfall}, over the whole horizon
 * @param shortBy    contracted less scheduled ({@code shortfall}) or scheduled less played ({@code under-played})
 * @param reason     one sentence in English saying what the figures compare
 */
record DeliveryAlert(String campaign, String name, String kind, long contracted, long scheduled, long played,
        long shortBy, String reason) {
}
