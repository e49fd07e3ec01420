package io.railcast.server.network;

import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.EntityTags;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
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

/** {@code /api/v1/screens}: list (all, or one station's), look up, and add one screen or many at once. */
@RestController
@RequestMapping("/api/v1/screens")
class ScreenController {

    private final ScreenService service;
    private final JsonMapper jsonMapper;

    ScreenController(ScreenService service, JsonMapper jsonMapper) {
        this.service = service;
        this.jsonMapper = jsonMapper;
    }

    /** A page of the screens by id; every filter optional, type in any case. */
    @GetMapping
    Mono<ResponseEntity<List<ScreenView>>> list(
            @RequestParam(required = false) @Nullable String station,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            FieldErrors errors = new FieldErrors();
            ScreenType wanted = (type == null) ? null : errors.constant("type", type, ScreenType.class);
            List<FieldProblem> problems = new ArrayList<>(errors.problems());
            PageRequest page = PageRequest.read(limit, after, PageRequest.DEFAULT_LIMIT, PageRequest.CODE, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            Flux<ScreenView> screens =
                    service.find(new ScreenFilter(station, wanted, zone), page).map(ScreenView::of);
            return PageAnswer.of(screens, page, ScreenView::id, request);
        });
    }

    /** The screen, with its ETag ({@code If-None-Match} gives 304). */
    @GetMapping("/{id}")
    Mono<ResponseEntity<ScreenView>> get(@PathVariable String id) {
        return service.get(id)
                .map(ScreenView::of)
                .map(screen -> EntityTags.ok(screen, EntityTags.ofContent(screen, jsonMapper)));
    }

    /** One screen object (answered with the screen and its Location) or an array (answered with a count). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> add(@RequestBody JsonNode body) {
        JsonItems<Screen> items = JsonItems.read(body, jsonMapper, ScreenPayload.KIND);
        return service.add(items).flatMap(created -> {
            if (items.array()) {
                return Mono.just(ResponseEntity.status(201).body(new ImportResult(created.intValue())));
            }
            return service.get(items.items().get(0).id()).map(stored -> {
                URI location = UriComponentsBuilder.fromPath("/api/v1/screens/{id}")
                        .build(stored.screen().id());
                return ResponseEntity.created(location).body(ScreenView.of(stored));
            });
        });
    }

    /**
     * Edits the screen: the fields given replace the stored ones. {@code If-Match} with the screen's ETag refuses (412)
     * an edit made against another state of it.
     */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ScreenView>> update(
            @PathVariable String id,
            @RequestBody ScreenPayload edit,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return service.update(id, edit, current -> EntityTags.matches(ifMatch, current, jsonMapper))
                .map(ScreenView::of)
                .map(changed -> EntityTags.ok(changed, EntityTags.ofContent(changed, jsonMapper)));
    }
}
