/**
 * Campaigns (bookings): {@code /api/v1/campaigns} creates, changes, pauses, resumes and cancels them and checks
 * availability. Every change is validated, then planned and published by
 * {@link io.railcast.server.planning.PlanningService} in the same transaction that stores it. Who may change what
 * is decided by {@link io.railcast.server.campaign.BookingRights}. Stored in the {@code campaign} table.
 */
package io.railcast.server.campaign;
