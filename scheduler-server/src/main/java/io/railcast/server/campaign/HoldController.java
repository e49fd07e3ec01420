package io.railcast.server.campaign;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/holds}: hold airtime for a proposed campaign (the body of a booking; 409 {@code overbooked} when it
 * does not fit), list and read the holds in force, confirm one into a booking, release one.
 */
@RestController
@RequestMapping("/api/v1/holds")
class HoldController {

    private final HoldService service;
    private final Clock clock;

    HoldController(HoldService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** A page of the holds in force by number; {@code heldBy} keeps one user's. */
    @GetMapping
    Mono<ResponseEntity<List<HoldView>>> list(
            @RequestParam(required = false) @Nullable String heldBy,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            String user = heldBy == null || heldBy.isBlank() ? null : heldBy.strip();
            TextRules.checkCode("heldBy", user, problems);
            PageRequest page = PageRequest.read(limit, after, PageRequest.DEFAULT_LIMIT, PageRequest.NUMBER, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            return PageAnswer.of(
                    service.list(user, page).map(HoldView::of), page, view -> Long.toString(view.id()), request);
        });
    }

    @GetMapping("/{id}")
    Mono<HoldView> get(@PathVariable String id) {
        return Mono.defer(() -> service.get(number(id))).map(HoldView::of);
    }

    /**
     * Holds airtime: 201 with the hold and its {@code expiresAt}, or 409 {@code overbooked} as for a booking. The same
     * request again, after a lost answer, is answered 200 with the hold in force and stores nothing ({@link Replays}).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<HoldView>> hold(@RequestBody CampaignPayload payload, Principal user) {
        return Mono.defer(() -> service.take(payload, user)).map(accepted -> {
            URI uri = URI.create("/api/v1/holds/" + accepted.stored().id());
            ResponseEntity.BodyBuilder answer = accepted.replay()
                    ? ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, uri.toString())
                    : ResponseEntity.created(uri);
            return answer.body(HoldView.of(accepted.stored()));
        });
    }

    /** Books the held campaign (201, the campaign as {@code POST /api/v1/campaigns} answers it); the hold is gone. */
    @PostMapping("/{id}/confirm")
    Mono<ResponseEntity<CampaignView>> confirm(
            @PathVariable String id, @RequestParam(required = false) @Nullable String effectiveAt, Principal user) {
        return Mono.defer(() -> service.confirm(number(id), user, Publication.of(effectiveAt, clock.instant())))
                .map(stored -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + stored.id()))
                        .eTag(Integer.toString(stored.version()))
                        .body(CampaignView.of(stored)));
    }

    /** Releases the hold: its airtime is free again (204). */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> release(@PathVariable String id, Principal user) {
        return Mono.defer(() -> service.release(number(id), user))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    private static long number(String id) {
        if (PageRequest.NUMBER.test(id) && id.length() <= 18) {
            return Long.parseLong(id);
        }
        throw ApiProblem.invalid(
                "invalid-hold",
                "Invalid hold",
                List.of(FieldProblem.of("id", "a hold is named by its number, got " + TextRules.quote(id))));
    }
}
