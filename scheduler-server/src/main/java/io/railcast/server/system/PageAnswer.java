package io.railcast.server.system;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A page of a list as the API answers it: a JSON array of at most {@link PageRequest#limit()} items and, when more
 * remain, {@code Link: </api/v1/…?…&limit=n&after=cursor>; rel="next"}, the same request (every filter kept) for the
 * items after the last one of this page. The last page has no such link.
 */
public final class PageAnswer {

    private PageAnswer() {}

    /**
     * Answers the page of {@code rows}, which the store read in key order after {@code page.after()}, at most
     * {@link PageRequest#rows()} of them: the one past the page only tells that more remain.
     */
    public static <T> Mono<ResponseEntity<List<T>>> of(
            Flux<T> rows, PageRequest page, Function<T, String> key, ServerHttpRequest request) {
        return rows.take(page.rows()).collectList().map(items -> {
            if (items.size() <= page.limit()) {
                return ResponseEntity.ok(items);
            }
            List<T> shown = List.copyOf(items.subList(0, page.limit()));
            String next = UriComponentsBuilder.fromPath(request.getPath().value())
                    .queryParams(request.getQueryParams())
                    .replaceQueryParam("limit", page.limit())
                    .replaceQueryParam("after", PageRequest.cursor(key.apply(shown.get(shown.size() - 1))))
                    .encode()
                    .build()
                    .toUriString();
            return ResponseEntity.ok()
                    .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                    .body(shown);
        });
    }
}
