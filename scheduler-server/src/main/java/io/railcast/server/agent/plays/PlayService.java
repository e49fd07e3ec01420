package io.railcast.server.agent.plays;

import io.railcast.server.agent.AgentMetrics;
import io.railcast.server.agent.AgentProperties;
import io.railcast.server.agent.plays.PlayReceipt.Rejected;
import io.railcast.server.system.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of proof of play, each record on its own, so that no record can fail another: one that cannot be
 * read or stored is rejected alone ({@link PlayChecks}); the others are judged against what the versions they name
 * scheduled on the screen ({@link SlotJudge}) and stored in one statement, those that do not count with why. The
 * agent is told which were accepted (stored and counted), duplicates (stored before) and rejected (with a reason,
 * and whether the server kept them), and never has to send a rejected one again.
 */
@Service
class PlayService {

    static final int MAX_BATCH = 1000;

    private final PlayRepository plays;
    private final PlaySchedules schedules;
    private final JsonMapper jsonMapper;
    private final PlayChecks checks;
    private final AgentMetrics metrics;
    private final Clock clock;

    PlayService(
            PlayRepository plays,
            PlaySchedules schedules,
            JsonMapper jsonMapper,
            AgentProperties properties,
            AgentMetrics metrics,
            Clock clock) {
        this.plays = plays;
        this.schedules = schedules;
        this.jsonMapper = jsonMapper;
        this.checks =
                new PlayChecks(properties.plays().maxAge(), properties.plays().maxAhead());
        this.metrics = metrics;
        this.clock = clock;
    }

    /** {@code records}: the batch's JSON array, at most {@value #MAX_BATCH} long. */
    Mono<PlayReceipt> take(String screenId, JsonNode records) {
        Instant now = clock.instant();
        List<Play> good = new ArrayList<>(records.size());
        List<Integer> goodIndexes = new ArrayList<>(records.size());
        List<String> goodIds = new ArrayList<>(records.size());
        List<String> repeated = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String playId =
                    record.path("playId").isString() ? record.path("playId").asString() : null;
            try {
                Play play = checks.check(jsonMapper.treeToValue(record, PlayReport.class), screenId, now);
                if (!seen.add(play.playId())) {
                    repeated.add(playId);
                    continue;
                }
                good.add(play);
                goodIndexes.add(i);
                goodIds.add(playId);
            } catch (IllegalArgumentException e) {
                rejected.add(Rejected.unread(playId, i, e.getMessage()));
            } catch (JacksonException e) {
                rejected.add(Rejected.unread(playId, i, FieldProblem.of(e).message()));
            }
        }
        if (good.isEmpty()) {
            return Mono.just(receipt(List.of(), repeated, rejected));
        }
        return schedules.judge(screenId, good).flatMap(judge -> {
            List<SlotJudge.Verdict> verdicts = good.stream().map(judge::judge).toList();
            Set<LocalDate> days = new TreeSet<>();
            for (int i = 0; i < good.size(); i++) {
                days.add(LocalDate.ofInstant(good.get(i).startedAt(), ZoneOffset.UTC));
                if (verdicts.get(i).slot() != null) {
                    days.add(LocalDate.ofInstant(verdicts.get(i).slot(), ZoneOffset.UTC));
                }
            }
            return plays.ensurePartitions(days)
                    .thenMany(plays.insert(screenId, good, verdicts))
                    .collectMap(PlayRepository.Stored::playId, stored -> stored)
                    .map(stored -> {
                        List<String> accepted = new ArrayList<>(stored.size());
                        List<String> duplicates = new ArrayList<>(repeated);
                        Map<Integer, Rejected> judged = new HashMap<>();
                        for (int i = 0; i < good.size(); i++) {
                            PlayRepository.Stored row =
                                    stored.get(good.get(i).playId().toString());
                            // answered in the agent's own spelling of each id
                            if (row == null) {
                                duplicates.add(goodIds.get(i));
                            } else if (row.rejection() == null) {
                                accepted.add(goodIds.get(i));
                            } else {
                                judged.put(
                                        i,
                                        new Rejected(
                                                goodIds.get(i),
                                                goodIndexes.get(i),
                                                reason(good.get(i), verdicts.get(i), row.rejection()),
                                                true));
                            }
                        }
                        List<Rejected> all = new ArrayList<>(rejected);
                        all.addAll(judged.values());
                        all.sort(java.util.Comparator.comparingInt(Rejected::index));
                        return receipt(accepted, duplicates, all);
                    });
        });
    }

    /** The judge's reason, or the database's: a slot another batch had played first. */
    private static String reason(Play play, SlotJudge.Verdict verdict, String rejection) {
        if (verdict.rejection() != null) {
            return String.valueOf(verdict.reason());
        }
        return rejection + ": the spot of " + play.campaign() + "/" + play.creative() + " at " + verdict.slot()
                + " was played already";
    }

    private PlayReceipt receipt(List<String> accepted, List<String> duplicates, List<Rejected> rejected) {
        metrics.plays(accepted.size(), duplicates.size(), rejected.size());
        return new PlayReceipt(accepted, duplicates, rejected);
    }
}
