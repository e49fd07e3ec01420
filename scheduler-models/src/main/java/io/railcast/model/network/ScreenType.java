package io.railcast.model.network;

/** The three kinds of screen in the operator's waiting halls; a creative is made for one or more of them. */
public enum ScreenType {
    /** Large outdoor-style LED walls. */
    LED_LARGE,
    /** Scrolling LCD digital frames. */
    LCD_FRAME,
    /** TV video sets. */
    TV_SET
}
