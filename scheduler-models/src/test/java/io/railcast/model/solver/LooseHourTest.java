package io.railcast.model.solver;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loose-hour bound against the real construction and solver, on seeded random hours of every load. */
class LooseHourTest {

    private static final int HOURS = 4_000;

    @Test
    void anHourTheBoundCallsLooseIsPlacedWholeByTheConstructionAndTheSolver() {
        Random random = new Random(20261207);
        int loose = 0;
        int decided = 0;
        for (int i = 0; i < HOURS; i++) {
            HourProblem problem = randomHour(random);
            HourSchedule schedule = HourScheduleBuilder.build(problem, null);
            boolean bound = LooseHour.fits(schedule);
            EvenSpacingConstruction.Placement centred =
                    new EvenSpacingConstruction.Placement(schedule.getFrame(), schedule.getSpots(), true);
            boolean constructionWhole = HourSolver.constructionIsGoodEnough(HourScheduleBuilder.build(problem, null));
            loose += constructionWhole ? 1 : 0;
            if (bound) {
                decided++;
                assertThat(centred.faults()).as("hour %d: %s", i, problem).isZero();
                assertThat(constructionWhole).as("hour %d: %s", i, problem).isTrue();
                assertThat(HourSolverTest.SOLVER.solve(problem).missingPlays())
                        .as("hour %d: %s", i, problem)
                        .isEmpty();
            }
        }
        System.out.printf(
                "LooseHourTest: %d hours, %d placed whole by the construction, %d of them decided by the bound%n",
                HOURS, loose, decided);
        assertThat(loose).as("the seeded hours include tight ones").isLessThan(HOURS);
        assertThat(decided)
                .as("the bound decides a good part of the loose hours")
                .isGreaterThan(loose / 10);
    }

    @Test
    void anHourOfOneExclusiveCategoryTheBoundCallsLooseIsPlacedWhole() {
        Random random = new Random(15);
        int decided = 0;
        for (int i = 0; i < HOURS; i++) {
            HourProblem problem = oneCategory(randomHour(random));
            HourSchedule schedule = HourScheduleBuilder.build(problem, null);
            if (LooseHour.fits(schedule)) {
                decided++;
                assertThat(HourSolver.constructionIsGoodEnough(schedule))
                        .as("hour %d: %s", i, problem)
                        .isTrue();
            }
        }
        assertThat(decided).as("the bound decides some hours of one category").isPositive();
    }

    /** The same hour with every campaign in one exclusive category, where the category costs most. */
    private static HourProblem oneCategory(HourProblem hour) {
        List<Demand> demands = hour.demands().stream()
                .map(d -> new Demand(
                        d.campaignId(),
                        d.kind(),
                        "automotive",
                        d.contracted(),
                        d.windows(),
                        d.activeTo(),
                        d.rotation(),
                        d.creatives(),
                        d.precedence()))
                .toList();
        return new HourProblem(
                hour.screenType(),
                hour.slotSeconds(),
                hour.onAir(),
                hour.continuesIntoNextHour(),
                hour.psaShare(),
                demands,
                hour.fillers());
    }

    @Test
    void theShortfallOfALooseHourIsTheConstructionsAnswer() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            HourProblem problem = randomHour(random);
            if (LooseHour.fits(HourScheduleBuilder.build(problem, null))) {
                HourSchedule constructed = HourScheduleBuilder.build(problem, null);
                assertThat(HourSolver.constructionIsGoodEnough(constructed)).isTrue();
                SolvedHour shortfall = HourSolverTest.SOLVER.shortfall(problem);
                assertThat(shortfall.score()).isEqualTo(constructed.getScore());
                assertThat(shortfall.missingPlays()).isEmpty();
                assertThat(shortfall.searched()).isFalse();
            }
        }
    }

    /** An hour of 1 to 25 campaigns, per hour or per period, some cut short, in categories, with PSAs. */
    static HourProblem randomHour(Random random) {
        int slot = random.nextInt(4) == 0 ? 10 : 5;
        int[] periods = {60, 60, 60, 30, 20, 15, 10, 5};
        String[] categories = {"", "", "", "automotive", "liquor", "telecom"};
        SecondRange onAir = random.nextInt(5) == 0
                ? new SecondRange(slot * random.nextInt(3600 / slot / 2), 3600 - slot * random.nextInt(60))
                : SecondRange.WHOLE_HOUR;
        List<Demand> demands = new ArrayList<>();
        int campaigns = 1 + random.nextInt(25);
        int heavy = random.nextInt(3);
        for (int c = 0; c < campaigns; c++) {
            int period = periods[random.nextInt(periods.length)] * 60;
            int seconds = slot * (1 + random.nextInt(30 / slot + (random.nextInt(10) == 0 ? 3 : 0)));
            if (random.nextInt(40) == 0) {
                seconds += 2; // off the slot grid: the bound must not decide
            }
            int plays = 1 + random.nextInt(period <= 600 ? 1 + heavy : 2 + 2 * heavy);
            int activeTo = random.nextInt(6) == 0 ? onAir.to() - slot * random.nextInt(200) : 3600;
            List<PlayWindow> windows = new ArrayList<>();
            for (int from = 0; from < 3600; from += period) {
                int windowFrom = Math.max(from, onAir.from());
                int windowTo = Math.min(Math.min(from + period, onAir.to()), activeTo);
                if (windowFrom < windowTo) {
                    windows.add(new PlayWindow(windowFrom, windowTo, plays));
                }
            }
            if (windows.isEmpty()) {
                continue;
            }
            CampaignKind kind = random.nextInt(6) == 0 ? CampaignKind.PUBLIC_SERVICE : CampaignKind.COMMERCIAL;
            boolean contracted = kind == CampaignKind.COMMERCIAL || random.nextBoolean();
            CreativeChoice creative = HourSolverTest.creative("c" + c + "-" + seconds, seconds);
            int count = windows.stream().mapToInt(PlayWindow::plays).sum();
            demands.add(new Demand(
                    "c" + c,
                    kind,
                    categories[random.nextInt(categories.length)],
                    contracted,
                    windows,
                    activeTo,
                    Collections.nCopies(count, creative),
                    List.of(creative),
                    contracted ? demands.size() + 1 : 0));
        }
        double psaShare = random.nextInt(3) == 0 ? 0 : 0.03;
        return new HourProblem(
                ScreenType.LCD_FRAME,
                slot,
                onAir,
                random.nextBoolean(),
                psaShare,
                demands,
                List.of(HourSolverTest.filler()));
    }
}
