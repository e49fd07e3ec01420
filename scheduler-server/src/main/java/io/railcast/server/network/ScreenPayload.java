package io.railcast.server.network;

import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import org.jspecify.annotations.Nullable;

/**
 * A screen as the API takes it.
 *
 * @param id         unique in the network, e.g. "BJN-WH-01"
 * @param station    the code of the station it hangs in, which must exist
 * @param type       LED_LARGE, LCD_FRAME or TV_SET (any case)
 * @param zone       where in the station it hangs, e.g. "waiting-hall"
 * @param loopPolicy how its airtime is sliced; a 300 s loop of 5 s slots when absent
 */
record ScreenPayload(
        @Nullable String id,
        @Nullable String station,
        @Nullable String type,
        @Nullable String zone,
        @Nullable LoopPolicyPayload loopPolicy) {

    static final JsonItems.Kind<ScreenPayload, Screen> KIND = new JsonItems.Kind<>(
            NetworkRefusal.InvalidScreens::new, "screen", ScreenPayload.class, ScreenPayload::toScreen);

    /** A loop of {@code loopSeconds} (a divisor of 3600) cut into slots of {@code slotSeconds} (5 when absent). */
    record LoopPolicyPayload(
            @Nullable Integer loopSeconds, @Nullable Integer slotSeconds) {

        static LoopPolicyPayload of(LoopPolicy policy) {
            return new LoopPolicyPayload(policy.loopSeconds(), policy.slotSeconds());
        }
    }

    /** The screen as the API would take it again, all fields given. */
    static ScreenPayload of(Screen screen) {
        return new ScreenPayload(
                screen.id(),
                screen.station(),
                screen.type().name(),
                screen.zone(),
                LoopPolicyPayload.of(screen.loopPolicy()));
    }

    /** This edit applied to {@code current}: type, zone and loop policy given here replace the current ones. */
    ScreenPayload over(ScreenPayload current) {
        return new ScreenPayload(
                current.id(),
                current.station(),
                type == null ? current.type() : type,
                zone == null ? current.zone() : zone,
                loopPolicy == null ? current.loopPolicy() : loopPolicy);
    }

    @Nullable
    Screen toScreen(FieldErrors errors) {
        String id = errors.code("id", this.id);
        String station = errors.code("station", this.station);
        ScreenType type = errors.constant("type", this.type, ScreenType.class);
        String zone = errors.text("zone", this.zone);
        LoopPolicy policy = toLoopPolicy(errors);
        return errors.build("", () -> new Screen(id, station, type, zone, policy));
    }

    private @Nullable LoopPolicy toLoopPolicy(FieldErrors errors) {
        if (loopPolicy == null) {
            return LoopPolicy.STANDARD;
        }
        if (loopPolicy.loopSeconds() == null) {
            errors.add("loopPolicy.loopSeconds", "loopSeconds is required in a loopPolicy");
            return null;
        }
        int slotSeconds =
                loopPolicy.slotSeconds() == null ? LoopPolicy.STANDARD.slotSeconds() : loopPolicy.slotSeconds();
        return errors.build("loopPolicy.", () -> new LoopPolicy(loopPolicy.loopSeconds(), slotSeconds));
    }
}
