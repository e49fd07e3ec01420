package io.railcast.server.network;

import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.EntityTags;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/stations}: list, look up, and add one station or import thousands at once. */
@RestController
@RequestMapping("/api/v1/stations")
class StationController {

    private final StationService service;
    private final JsonMapper jsonMapper;

    StationController(StationService service, JsonMapper jsonMapper) {
        this.service = service;
        this.jsonMapper = jsonMapper;
    }

    /**
     * A page of the stations by code; every filter optional, tier in any case, {@code q} found in the code or the name
     * in any case.
     */
    @GetMapping
    Mono<ResponseEntity<List<StationPayload>>> list(
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String bureau,
            @RequestParam(required = false) @Nullable String tier,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            FieldErrors errors = new FieldErrors();
            Tier wanted = (tier == null) ? null : errors.constant("tier", tier, Tier.class);
            List<FieldProblem> problems = new ArrayList<>(errors.problems());
            String text = q == null || q.isBlank() ? null : q.strip();
            TextRules.check("q", text, TextRules.SHORT, problems);
            PageRequest page = PageRequest.read(limit, after, PageRequest.DEFAULT_LIMIT, PageRequest.CODE, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            Flux<StationPayload> stations = service.find(new StationFilter(province, bureau, wanted, text), page)
                    .map(StationPayload::of);
            return PageAnswer.of(stations, page, StationPayload::code, request);
        });
    }

    /** The station, with its ETag ({@code If-None-Match} gives 304). */
    @GetMapping("/{code}")
    Mono<ResponseEntity<StationPayload>> get(@PathVariable String code) {
        return service.get(code)
                .map(StationPayload::of)
                .map(station -> EntityTags.ok(station, EntityTags.ofContent(station, jsonMapper)));
    }

    /**
     * One station object (answered with the station and its Location) or an array of them (answered with how
     * many were imported). With {@code upsert=true} stations whose code is taken are updated rather than refused,
     * answered 200 with how many were added and how many updated.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> add(@RequestBody JsonNode body, @RequestParam(defaultValue = "false") boolean upsert) {
        JsonItems<Station> items = JsonItems.read(body, jsonMapper, StationPayload.KIND);
        if (upsert) {
            return Mono.defer(() -> service.upsert(items)).map(ResponseEntity::ok);
        }
        return Mono.defer(() -> service.add(items)).map(created -> {
            if (items.array()) {
                return ResponseEntity.status(201).body(new ImportResult(created.intValue()));
            }
            StationPayload station = StationPayload.of(items.items().get(0));
            URI location =
                    UriComponentsBuilder.fromPath("/api/v1/stations/{code}").build(station.code());
            return ResponseEntity.created(location).body(station);
        });
    }

    /**
     * Edits the station: the fields given replace the stored ones. {@code If-Match} with the station's ETag refuses (412)
     * an edit made against another state of it.
     */
    @PatchMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<StationPayload>> update(
            @PathVariable String code,
            @RequestBody StationPayload edit,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return service.update(code, edit, current -> EntityTags.matches(ifMatch, current, jsonMapper))
                .map(StationPayload::of)
                .map(changed -> EntityTags.ok(changed, EntityTags.ofContent(changed, jsonMapper)));
    }
}
