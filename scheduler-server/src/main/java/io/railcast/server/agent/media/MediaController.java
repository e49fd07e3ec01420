package io.railcast.server.agent.media;

import io.railcast.server.agent.AgentProperties;
import io.railcast.server.agent.schedule.ScheduleService;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.MediaHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /agent/v1/media/{creative}}: a media file, only to a screen whose schedule in force (or coming into
 * force) names it. The ETag is the quoted SHA-256; {@code Range} is answered with 206 from the file directly
 * (zero-copy), so an interrupted download resumes.
 */
@RestController
class MediaController {

    private static final Logger log = LoggerFactory.getLogger(MediaController.class);

    private final ScheduleService schedules;
    private final MediaCatalog creatives;
    private final Path root;

    MediaController(ScheduleService schedules, MediaCatalog creatives, AgentProperties properties) {
        this.schedules = schedules;
        this.creatives = creatives;
        this.root = properties.media().root().toAbsolutePath().normalize();
    }

    @GetMapping("/agent/v1/media/{creative}")
    Mono<ResponseEntity<Resource>> media(Principal screen, @PathVariable String creative, ServerWebExchange exchange) {
        return schedules
                .creativesInForce(screen.getName())
                .filter(named -> named.contains(creative))
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden(
                        "media-not-scheduled",
                        "Media not scheduled",
                        "The schedule of screen " + screen.getName() + " does not name creative " + creative + ".")))
                .then(creatives.find(creative))
                .switchIfEmpty(Mono.error(() -> missing(creative)))
                .map(row -> {
                    Path file = file(row);
                    if (!Files.isRegularFile(file)) {
                        log.error("Media of creative {} is missing: {}", creative, file);
                        throw missing(creative);
                    }
                    String etag = '"' + row.sha256() + '"';
                    if (exchange.checkNotModified(etag)) {
                        return ResponseEntity.status(exchange.getResponse().getStatusCode())
                                .eTag(etag)
                                .build();
                    }
                    return ResponseEntity.ok()
                            .eTag(etag)
                            .contentType(mediaType(row))
                            .headers(MediaHeaders.download(row.id()))
                            .body(new FileSystemResource(file));
                });
    }

    /** The creative's file: its media_path, relative ones under the media root (and never outside it). */
    private Path file(CreativeRow row) {
        Path path = Path.of(row.mediaPath());
        if (path.isAbsolute()) {
            return path.normalize();
        }
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalStateException("creative " + row.id() + " has a media_path outside the media root");
        }
        return resolved;
    }

    private static MediaType mediaType(CreativeRow row) {
        try {
            return row.contentType() == null
                    ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(row.contentType());
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static ApiProblem missing(String creative) {
        return ApiProblem.notFound(
                "media-missing", "Media missing", "The media file of creative " + creative + " is not available.");
    }
}
