package io.railcast.server.creative;

import io.railcast.server.system.MediaHeaders;
import java.net.URI;
import java.time.Duration;
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

/**
 * {@code /api/v1/creatives}: upload (multipart, or the raw file with the metadata as query parameters), metadata,
 * and the media itself with its ETag and byte ranges.
 */
@RestController
@RequestMapping("/api/v1/creatives")
class CreativeController {

    private final CreativeService service;

    CreativeController(CreativeService service) {
        this.service = service;
    }

    @GetMapping
    Flux<CreativeView> list() {
        return service.list().map(CreativeView::of);
    }

    @GetMapping("/{id}")
    Mono<CreativeView> get(@PathVariable String id) {
        return service.get(id).map(CreativeView::of);
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
