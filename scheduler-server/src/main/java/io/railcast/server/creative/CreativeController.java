package io.railcast.server.creative;

import io.railcast.model.network.ScreenType;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.EntityTags;
import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.MediaHeaders;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/creatives}: upload (multipart, or the raw file with the metadata as query parameters), metadata,
 * and the media itself with its ETag and byte ranges.
 */
@RestController
@RequestMapping("/api/v1/creatives")
class CreativeController {

    private final CreativeService service;
    private final JsonMapper jsonMapper;

    CreativeController(CreativeService service, JsonMapper jsonMapper) {
        this.service = service;
        this.jsonMapper = jsonMapper;
    }

    /** A page of the creatives by id; {@code screenType} (in any case) lists those made for that screen type. */
    @GetMapping
    Mono<ResponseEntity<List<CreativeView>>> list(
            @RequestParam(required = false) @Nullable String screenType,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            ScreenType type = null;
            if (screenType != null && !screenType.isBlank()) {
                type = EnumText.parse(ScreenType.class, screenType).orElse(null);
                if (type == null) {
                    problems.add(FieldProblem.of(
                            "screenType",
                            "screenType must be one of " + List.of(ScreenType.values()) + ", got "
                                    + TextRules.quote(screenType)));
                }
            }
            PageRequest page = PageRequest.read(limit, after, PageRequest.DEFAULT_LIMIT, PageRequest.CODE, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            return PageAnswer.of(service.list(type, page).map(CreativeView::of), page, CreativeView::id, request);
        });
    }

    /** The creative's metadata, with its ETag ({@code If-None-Match} gives 304). */
    @GetMapping("/{id}")
    Mono<ResponseEntity<CreativeView>> get(@PathVariable String id) {
        return service.get(id)
                .map(CreativeView::of)
                .map(view -> EntityTags.ok(view, EntityTags.ofContent(view, jsonMapper)));
    }

    /**
     * The file, as a download that a browser never renders in the console's origin ({@link MediaHeaders}). Its ETag
     * is the quoted SHA-256 ({@code If-None-Match} gives 304); {@code Range: bytes=N-} gives
     * 206, so an interrupted download resumes. A creative never changes, so clients may cache it for good.
     */
    @GetMapping("/{id}/media")
    Mono<ResponseEntity<Resource>> media(@PathVariable String id) {
        return service.get(id)
                .map(creative -> ResponseEntity.ok()
                        .eTag(creative.sha256())
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365))
                                .cachePrivate()
                                .immutable())
                        .contentType(MediaType.parseMediaType(creative.contentType()))
                        .headers(MediaHeaders.download(creative.id()))
                        .body(new FileSystemResource(creative.mediaPath())));
    }

    /**
     * Form fields {@code id}, {@code durationSeconds}, {@code screenTypes}, optionally {@code sha256}, and the file
     * part {@code file}.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<CreativeView>> uploadForm(@RequestBody Flux<PartEvent> parts, ServerHttpRequest request) {
        return service.uploadMultipart(request.getHeaders().getContentLength(), parts)
                .map(CreativeController::created);
    }

    /** The body is the media; {@code ?id=CR-1&durationSeconds=15&screenTypes=LCD_FRAME,TV_SET[&sha256=…]}. */
    @PostMapping(consumes = {"video/*", "image/*"})
    Mono<ResponseEntity<CreativeView>> uploadRaw(
            @RequestParam(required = false) @Nullable String id,
            @RequestParam(required = false) @Nullable String durationSeconds,
            @RequestParam(required = false) @Nullable List<String> screenTypes,
            @RequestParam(required = false) @Nullable String sha256,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
                    CreativeMetadata metadata = CreativeMetadata.parse(id, durationSeconds, screenTypes, sha256);
                    String type =
                            CreativeMetadata.mediaType(request.getHeaders().getContentType(), "Content-Type");
                    return service.uploadRaw(
                            metadata, type, request.getHeaders().getContentLength(), request.getBody());
                })
                .map(CreativeController::created);
    }

    /** Anything else is not media: 415 naming the header. */
    @PostMapping
    Mono<ResponseEntity<CreativeView>> uploadOther(ServerHttpRequest request) {
        return Mono.error(CreativeMetadata.unsupported(request.getHeaders().getContentType(), "Content-Type"));
    }

    private static ResponseEntity<CreativeView> created(StoredCreative creative) {
        return ResponseEntity.created(URI.create("/api/v1/creatives/" + creative.id()))
                .body(CreativeView.of(creative));
    }
}
