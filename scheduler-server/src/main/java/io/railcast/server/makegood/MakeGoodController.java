package io.railcast.server.makegood;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/make-goods/run}: a make-good run now, on this instance (administrators, operators and
 * planners); answers what it counted and placed once it is stored. The same run as the hourly job.
 *
 * <p>{@code GET /api/v1/make-goods?campaign=}: per campaign and station, what is owed, placed and still owed, and
 * the make-goods placed, from the stored rows (any instance answers alike).
 */
@RestController
class MakeGoodController {

    private final MakeGoods makeGoods;
    private final PlacementRepository placements;

    MakeGoodController(MakeGoods makeGoods, PlacementRepository placements) {
        this.makeGoods = makeGoods;
        this.placements = placements;
    }

    @PostMapping("/api/v1/make-goods/run")
    Mono<MakeGoodRun> run() {
        return makeGoods.run();
    }

    @GetMapping("/api/v1/make-goods")
    Mono<MakeGoodsView> list(@RequestParam(required = false) @Nullable String campaign) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            TextRules.checkCode("campaign", campaign, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            Mono<List<MakeGoodsView.Owed>> owed = placements
                    .outstanding(campaign)
                    .map(o -> new MakeGoodsView.Owed(
                            o.campaignId(), o.station(), o.policy(), o.owed(), o.standing(), o.stillOwed()))
                    .collectList();
            Mono<List<MakeGoodsView.Placement>> placed = placements
                    .placements(campaign)
                    .map(p -> new MakeGoodsView.Placement(
                            p.makeGood().campaignId(),
                            p.makeGood().station(),
                            p.makeGood().day(),
                            p.makeGood().from(),
                            p.makeGood().playsPerScreen(),
                            p.screens(),
                            p.plays(),
                            p.version()))
                    .collectList();
            return Mono.zip(owed, placed, MakeGoodsView::new);
        });
    }

    /**
     * What {@code GET /api/v1/make-goods} answers.
     *
     * @param owed       per campaign and station with plays owed or placed
     * @param placements the make-goods placed, per campaign, station and day
     */
    record MakeGoodsView(List<Owed> owed, List<Placement> placements) {

        /**
         * @param placed    plays placed to make good that stand: those of a past day only as far as its plan asked for
         *                  them (a day whose airtime was lost asked for none, and its make-good is owed again)
         * @param stillOwed owed plays not made good: owed less placed, at least 0
         */
        record Owed(String campaign, String station, String policy, long owed, long placed, long stillOwed) {}

        /** @param version the version that published it */
        record Placement(
                String campaign,
                String station,
                LocalDate day,
                LocalDateTime from,
                int playsPerScreen,
                int screens,
                long plays,
                long version) {}
    }
}
