package io.railcast.server.creative;

import io.railcast.model.campaign.Creative;
import io.railcast.model.network.ScreenType;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Creatives as other features need them: looked up as domain values, or made on the server (demo media). */
@Service
public class CreativeCatalog {

    private final CreativeRepository creatives;
    private final MediaStore media;

    CreativeCatalog(CreativeRepository creatives, MediaStore media) {
        this.creatives = creatives;
        this.media = media;
    }

    /** The stored creatives among {@code ids}, by id; unknown ids are absent. */
    public Mono<Map<String, Creative>> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return creatives.findAll(ids).collectMap(StoredCreative::id, StoredCreative::toDomain);
    }

    /** Stores {@code content} as the media of a new creative; answers false when the id is taken. */
    public Mono<Boolean> add(
            String id, int durationSeconds, Set<ScreenType> screenTypes, byte[] content, String contentType) {
        return media.store(content, contentType)
                .flatMap(received -> creatives.insert(id, durationSeconds, screenTypes, received, received.file()));
    }
}
