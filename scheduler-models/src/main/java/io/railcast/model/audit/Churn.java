package io.railcast.model.audit;

/**
 * How much a new schedule changes what screens play, over the screen-hours both schedules cover.
 *
 * @param screensChanged     screens with at least one screen-hour whose spots differ
 * @param screenHoursChanged screen-hours whose spots differ
 * @param spotsMoved         spots of the new schedule with no spot of the same offset, length, campaign and creative
 *                           in the same screen-hour of the old one
 */
public record Churn(int screensChanged, long screenHoursChanged, long spotsMoved) {

    public static final Churn NONE = new Churn(0, 0, 0);
}
