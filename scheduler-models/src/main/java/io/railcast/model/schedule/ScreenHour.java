package io.railcast.model.schedule;

import java.time.LocalDate;

/** One clock hour of one screen, in the local time of its station. */
public record ScreenHour(String screenId, LocalDate date, int hour) {}
