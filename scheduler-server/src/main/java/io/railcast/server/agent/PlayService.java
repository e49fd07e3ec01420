package io.railcast.server.agent;

import io.railcast.server.agent.PlayReceipt.Rejected;
import io.railcast.server.system.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch of proof of play: each record is checked on its own (a bad one is rejected, the others still
 * count), and the good ones are stored in one statement that tells new plays from ones stored before.
 */
@Service
class PlayService {

    static final int MAX_BATCH = 1000;

    private final PlayRepository plays;
    private final JsonMapper jsonMapper;
    private final PlayChecks checks;
    private final AgentMetrics metrics;

    PlayService(PlayRepository plays, JsonMapper jsonMapper, AgentProperties properties, AgentMetrics metrics) {
        this.plays = plays;
        this.jsonMapper = jsonMapper;
        this.checks = new PlayChecks(properties.plays().maxAge(), properties.plays().maxAhead());
        this.metrics = metrics;
    }

    /** {@code records}: the batch's JSON array, at most {@value #MAX_BATCH} long. */
    Mono<PlayReceipt> take(String screenId, JsonNode records) {
        Instant now = Instant.now();
        List<Play> good = new ArrayList<>(records.size());
        List<String> goodIds = new ArrayList<>(records.size());
        List<String> repeated = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Set<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String playId = record.path("playId").isString() ? record.path("playId").asString() : null;
            try {
                Play play = checks.check(jsonMapper.treeToValue(record, PlayReport.class), screenId, now);
                if (!seen.add(play.playId())) {
                    repeated.add(playId);
                    continue;
                }
                good.add(play);
                goodIds.add(playId);
                days.add(LocalDate.ofInstant(play.startedAt(), ZoneOffset.UTC));
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(playId, i, e.getMessage()));
            } catch (JacksonException e) {
                rejected.add(new Rejected(playId, i, FieldProblem.of(e).message()));
            }
        }
        if (good.isEmpty()) {
            return Mono.just(receipt(List.of(), repeated, rejected));
        }
        return plays.ensurePartitions(days)
                .thenMany(plays.insert(screenId, good))
                .collect(HashSet<String>::new, Set::add)
                .map(stored -> {
                    List<String> accepted = new ArrayList<>(stored.size());
                    List<String> duplicates = new ArrayList<>(repeated);
                    for (int i = 0; i < good.size(); i++) {
                        // answered in the agent's own spelling of each id
                        (stored.contains(good.get(i).playId().toString()) ? accepted : duplicates).add(goodIds.get(i));
                    }
                    return receipt(accepted, duplicates, rejected);
                });
    }

    private PlayReceipt receipt(List<String> accepted, List<String> duplicates, List<Rejected> rejected) {
        metrics.plays(accepted.size(), duplicates.size(), rejected.size());
        return new PlayReceipt(accepted, duplicates, rejected);
    }
}
