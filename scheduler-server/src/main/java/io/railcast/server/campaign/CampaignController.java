package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.audit.AuditQuery;
import io.railcast.server.audit.AuditRecord;
import io.railcast.server.planning.AvailabilityAnswer;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.EntityTags;
import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/campaigns}: list and read campaigns; create, replace, pause, resume and cancel them, each change
 * published at once ({@code ?effectiveAt=} for later); check availability without booking; read a campaign's
 * history. The campaign's own
 * version is its ETag, and changes honour {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService service;
    private final Clock clock;

    CampaignController(CampaignService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** A page of the campaigns by id; every filter optional (see {@link CampaignFilter}). */
    @GetMapping
    Mono<ResponseEntity<List<CampaignView>>> list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String station,
            @RequestParam(required = false) @Nullable String flying,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            CampaignKind wantedKind = constant("kind", kind, CampaignKind.class, problems);
            CampaignStatus wantedStatus = constant("status", status, CampaignStatus.class, problems);
            TextRules.checkCode("station", station, problems);
            LocalDate day = date("flying", flying, problems);
            String text = q == null || q.isBlank() ? null : q.strip();
            TextRules.check("q", text, TextRules.SHORT, problems);
            PageRequest page = PageRequest.read(limit, after, PageRequest.DEFAULT_LIMIT, PageRequest.CODE, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            CampaignFilter filter = new CampaignFilter(wantedKind, wantedStatus, owner, station, day, text);
            return PageAnswer.of(
                    service.list(filter, page).map(CampaignView::of),
                    page,
                    view -> String.valueOf(view.campaign().id()),
                    request);
        });
    }

    /** The campaign; its ETag is its own version ({@code If-None-Match} gives 304, {@code If-Match} guards changes). */
    @GetMapping("/{id}")
    Mono<ResponseEntity<CampaignView>> get(@PathVariable String id) {
        return service.get(id).map(CampaignController::ok);
    }

    /**
     * Every recorded change of the campaign, newest first: who, when, from where, and its state before and after;
     * {@code limit} and {@code after} page through it as through {@code /api/v1/audit}.
     */
    @GetMapping("/{id}/history")
    Mono<ResponseEntity<List<AuditRecord>>> history(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.fromCallable(() -> AuditQuery.ofObject("campaign", id, limit, after))
                .flatMap(query -> service.history(id, query))
                .map(page -> page.toResponse(request));
    }

    /**
     * Books a campaign: 201 with it. The same request again, after a lost answer, is answered 200 with the campaign as
     * {@code GET} shows it, and stores nothing ({@link Replays}); another campaign under a taken id is refused.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CampaignView>> create(
            @RequestBody CampaignPayload payload,
            @RequestParam(required = false) @Nullable String effectiveAt,
            Principal user) {
        return Mono.defer(() -> service.create(payload, user, publication(effectiveAt)))
                .map(accepted -> {
                    StoredCampaign stored = accepted.stored();
                    URI uri = URI.create("/api/v1/campaigns/" + stored.id());
                    ResponseEntity.BodyBuilder answer = accepted.replay()
                            ? ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, uri.toString())
                            : ResponseEntity.created(uri);
                    return answer.eTag(Integer.toString(stored.version())).body(CampaignView.of(stored));
                });
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CampaignView>> update(
            @PathVariable String id,
            @RequestBody CampaignPayload payload,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String effectiveAt,
            Principal user) {
        return Mono.defer(() -> service.update(id, payload, version(ifMatch), user, publication(effectiveAt)))
                .map(CampaignController::ok);
    }

    @PostMapping("/{id}/pause")
    Mono<ResponseEntity<CampaignView>> pause(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String effectiveAt,
            Principal user) {
        return Mono.defer(() -> service.pause(id, version(ifMatch), user, publication(effectiveAt)))
                .map(CampaignController::ok);
    }

    @PostMapping("/{id}/resume")
    Mono<ResponseEntity<CampaignView>> resume(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String effectiveAt,
            Principal user) {
        return Mono.defer(() -> service.resume(id, version(ifMatch), user, publication(effectiveAt)))
                .map(CampaignController::ok);
    }

    @PostMapping("/{id}/cancel")
    Mono<ResponseEntity<CampaignView>> cancel(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestParam(required = false) @Nullable String effectiveAt,
            Principal user) {
        return Mono.defer(() -> service.cancel(id, version(ifMatch), user, publication(effectiveAt)))
                .map(CampaignController::ok);
    }

    /** Whether a proposed campaign fits, with the station-hours it would leave short; stores nothing. */
    @PostMapping(path = "/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AvailabilityAnswer> availability(@RequestBody CampaignPayload payload) {
        return service.availability(payload);
    }

    /** The requested {@code effectiveAt}, judged against the server's clock (the one that stamps versions). */
    private Publication publication(@Nullable String effectiveAt) {
        return Publication.of(effectiveAt, clock.instant());
    }

    private static ResponseEntity<CampaignView> ok(StoredCampaign stored) {
        return EntityTags.ok(CampaignView.of(stored), Integer.toString(stored.version()));
    }

    /**
     * The campaign version an {@code If-Match} names: {@code "3"}, {@code W/"3"} or {@code 3}; none for {@code *},
     * which (RFC 9110) asks only that the campaign exists, as every change of one does.
     */
    private static @Nullable Integer version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String text = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.withFields(
                    HttpStatus.BAD_REQUEST,
                    "invalid-precondition",
                    "Invalid precondition",
                    "If-Match must name a campaign version, e.g. \"3\".",
                    List.of(FieldProblem.of(
                            HttpHeaders.IF_MATCH,
                            "If-Match must be a campaign version like \"3\"," + " got " + TextRules.quote(ifMatch))));
        }
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(
                    FieldProblem.of(field, field + " must be a date like 2026-11-24, got " + TextRules.quote(value)));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E constant(
            String field, @Nullable String value, Class<E> type, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E constant = EnumText.parse(type, value).orElse(null);
        if (constant == null) {
            problems.add(FieldProblem.of(
                    field,
                    field + " must be one of " + List.of(type.getEnumConstants()) + ", got " + TextRules.quote(value)));
        }
        return constant;
    }
}
