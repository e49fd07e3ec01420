package io.railcast.model.audit;

/**
 * How much a new schedule changes what screens play, over the screen-hours both schedules cover.
 *
 * @param screensChanged     screens with at least one screen-hour whose spots differ
 * @param screenHoursChanged screen-hours whose spots differ
 * @param spotsMoved         spots of the new schedule with no spot of the same offset, length, campaign and creative
 *                           in the same screen-hour of the old one
 * @param commercialSpotsMoved the moved spots that are commercial plays: what advertisers see move, as opposed to
 *                           the filler and PSA content around them
 */
public record Churn(int screensChanged, long screenHoursChanged, long spotsMoved, long commercialSpotsMoved) {

    public static final Churn NONE = new Churn(0, 0, 0, 0);
}
