package io.railcast.server.system;

/**
 * The zone whose calendar decides the stations' "today" when {@code railcast.planning.zone} names none: one literal
 * for every setting that defaults it (annotation values must be constants, so this is a text, not a ZoneId).
 */
public final class StationZone {

    /** The default zone: the whole network shows China Standard Time. */
    public static final String DEFAULT = "Asia/Shanghai";

    /** {@code railcast.planning.zone}, or {@link #DEFAULT}, for {@code @Value}. */
    public static final String SETTING = "${railcast.planning.zone:" + DEFAULT + "}";

    private StationZone() {}
}
