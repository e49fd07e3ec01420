/**
 * Automatic make-goods (issue 17, item 3): the plays each campaign is owed, counted by cause from
 * {@code campaign_delivery} into {@code make_good_owed} (V17) by a clustered Quartz job ({@link MakeGoodJob} on
 * {@link MakeGoodSchedule}) and on demand ({@code POST /api/v1/make-goods/run}), so that every instance reads the
 * same owed plays; then owed plays of campaigns whose policy makes them good are placed back into their remaining
 * flights ({@link MakeGoodPlacer}), each make-good checked and published by planning like a booking and stored in
 * {@code make_good_placed} (V19), which planning reads back ({@code MakeGoodBook}). Settings:
 * {@link MakeGoodProperties} ({@code railcast.make-goods.*}).
 */
package io.railcast.server.makegood;
