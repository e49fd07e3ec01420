package io.railcast.model.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every screen's plan for every clock hour of a horizon of whole local days. Screen-hours refer to shared
 * {@link HourPlan}s, so a week of 5,600 screens holds a few thousand plans rather than 900,000; and screens put
 * together ({@link Builder#screens}) share one row of plan indexes, so a screen costs a map entry, not a row of its
 * own. Immutable.
 */
public final class NetworkSchedule {

    /** A screen-hour with nothing on air (the station is closed). */
    static final int OFF_AIR = -1;

    private final LocalDate firstDay;
    private final int days;
    private final List<HourPlan> plans;
    private final Map<String, int[]> planIndexByScreen;
    private final List<Shortfall> shortfalls;

    private NetworkSchedule(
            LocalDate firstDay,
            int days,
            List<HourPlan> plans,
            Map<String, int[]> planIndexByScreen,
            List<Shortfall> shortfalls) {
        this.firstDay = firstDay;
        this.days = days;
        this.plans = plans;
        this.planIndexByScreen = planIndexByScreen;
        this.shortfalls = shortfalls;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public int days() {
        return days;
    }

    public List<LocalDate> dates() {
        return firstDay.datesUntil(firstDay.plusDays(days)).toList();
    }

    /** The screens this schedule plans, in network order. */
    public List<String> screenIds() {
        return List.copyOf(planIndexByScreen.keySet());
    }

    /** The plan of one screen-hour; empty when the screen is off air that hour or outside the horizon. */
    public Optional<HourPlan> planFor(String screenId, LocalDate date, int hour) {
        int[] indexes = planIndexByScreen.get(screenId);
        long day = date.toEpochDay() - firstDay.toEpochDay();
        if (indexes == null || day < 0 || day >= days || hour < 0 || hour > 23) {
            return Optional.empty();
        }
        int index = indexes[(int) day * 24 + hour];
        return index == OFF_AIR ? Optional.empty() : Optional.of(plans.get(index));
    }

    /** Whether two screen-hours play the very same plan object (they share it). */
    public boolean sharesPlan(ScreenHour a, ScreenHour b) {
        int ia = indexOf(a);
        return ia != OFF_AIR && ia == indexOf(b);
    }

    private int indexOf(ScreenHour screenHour) {
        int[] indexes = planIndexByScreen.get(screenHour.screenId());
        long day = screenHour.date().toEpochDay() - firstDay.toEpochDay();
        if (indexes == null || day < 0 || day >= days) {
            return OFF_AIR;
        }
        return indexes[(int) day * 24 + screenHour.hour()];
    }

    /** The distinct hour plans that the screen-hours refer to. */
    public List<HourPlan> distinctPlans() {
        return plans;
    }

    /** Contracted plays that could not be placed, if any. */
    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    public static Builder builder(LocalDate firstDay, int days) {
        return new Builder(firstDay, days);
    }

    /** Collects plans screen-hour by screen-hour; a plan object put many times is stored once. */
    public static final class Builder {
        private final LocalDate firstDay;
        private final int days;
        private final List<HourPlan> plans = new ArrayList<>();
        // By identity: the planner hands the same object to every screen-hour that shares a plan.
        private final Map<HourPlan, Integer> indexOfPlan = new IdentityHashMap<>();
        private final Map<String, int[]> planIndexByScreen = new LinkedHashMap<>();
        /** Rows that several screens share, copied before one of them is changed alone. */
        private final Set<int[]> sharedRows = Collections.newSetFromMap(new IdentityHashMap<>());

        private final List<Shortfall> shortfalls = new ArrayList<>();

        private Builder(LocalDate firstDay, int days) {
            if (days <= 0) {
                throw new IllegalArgumentException("a schedule covers at least one day");
            }
            this.firstDay = firstDay;
            this.days = days;
        }

        /** Declares a screen; all its hours are off air until a plan is put. */
        public Builder screen(String screenId) {
            planIndexByScreen.computeIfAbsent(screenId, id -> {
                int[] indexes = new int[days * 24];
                java.util.Arrays.fill(indexes, OFF_AIR);
                return indexes;
            });
            return this;
        }

        public Builder put(String screenId, LocalDate date, int hour, HourPlan plan) {
            long day = date.toEpochDay() - firstDay.toEpochDay();
            if (day < 0 || day >= days || hour < 0 || hour > 23) {
                throw new IllegalArgumentException(date + " " + hour + ":00 is outside the horizon");
            }
            int index = indexOf(plan);
            screen(screenId);
            int[] row = planIndexByScreen.get(screenId);
            if (sharedRows.contains(row)) {
                row = row.clone();
                planIndexByScreen.put(screenId, row);
            }
            row[(int) day * 24 + hour] = index;
            return this;
        }

        /**
         * Puts the same plans for every screen of {@code screenIds} (a group that always plays alike), which then
         * share one row of plan indexes; {@code planByHour} has one entry per hour of the horizon, null off air.
         */
        public Builder screens(List<String> screenIds, List<HourPlan> planByHour) {
            if (planByHour.size() != days * 24) {
                throw new IllegalArgumentException(
                        planByHour.size() + " hours given for a horizon of " + days * 24 + " hours");
            }
            int[] row = new int[days * 24];
            for (int i = 0; i < row.length; i++) {
                row[i] = planByHour.get(i) == null ? OFF_AIR : indexOf(planByHour.get(i));
            }
            sharedRows.add(row);
            screenIds.forEach(id -> planIndexByScreen.put(id, row));
            return this;
        }

        private int indexOf(HourPlan plan) {
            return indexOfPlan.computeIfAbsent(plan, p -> {
                plans.add(p);
                return plans.size() - 1;
            });
        }

        public Builder shortfall(Shortfall shortfall) {
            shortfalls.add(shortfall);
            return this;
        }

        public NetworkSchedule build() {
            Map<String, int[]> copy = new LinkedHashMap<>();
            Map<int[], int[]> copies = new IdentityHashMap<>();
            planIndexByScreen.forEach((id, indexes) -> copy.put(id, copies.computeIfAbsent(indexes, int[]::clone)));
            return new NetworkSchedule(
                    firstDay, days, List.copyOf(plans), Collections.unmodifiableMap(copy), List.copyOf(shortfalls));
        }
    }
}
