/**
 * Automatic make-goods (issue 17, item 3): the plays each campaign is owed, counted by cause from
 * {@code campaign_delivery} into {@code make_good_owed} (V17) by a clustered Quartz job ({@link MakeGoodJob} on
 * {@link MakeGoodSchedule}) and on demand ({@code POST /api/v1/make-goods/run}), so that every instance reads the
 * same owed plays. Settings: {@link MakeGoodProperties} ({@code railcast.make-goods.*}). Placing owed plays back
 * into a campaign's remaining flight is not built yet.
 */
package io.railcast.server.makegood;
