package io.railcast.model.solver;

import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;

/** The fixed facts of the hour being planned, for the rules that look at the hour as a whole. */
public record HourFrame(ScreenType screenType, int slotSeconds, SecondRange onAir, double psaShare) {}
