package io.railcast.model.audit;

import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;
import java.util.List;

/**
 * Everything a plan is judged against in one screen-hour, besides the plan itself. Many screen-hours share a
 * context, so a plan shared by thousands of them is judged once per context.
 *
 * @param onAir   the on-air part of the hour, never empty
 * @param type    the screen's type, which decides the creatives that may play
 * @param actives the campaigns that target the screen, have a creative for its type and are active this hour, in
 *                campaign order
 */
record HourContext(SecondRange onAir, ScreenType type, List<Active> actives) {

    HourContext {
        actives = List.copyOf(actives);
    }

    /**
     * @param campaign  position in the {@link CampaignBook}
     * @param range     the active time A, never empty
     * @param hourShare for a per-day campaign the plays owed this hour; 0 otherwise
     */
    record Active(int campaign, SecondRange range, int hourShare) {}
}
