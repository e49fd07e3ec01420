package io.railcast.server.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of records, newest first.
 *
 * @param next the cursor of the page after this one, or null when this is the last
 */
public record AuditPage(List<AuditRecord> records, @Nullable String next) {

    /**
     * The page as the API answers a list: the records as a JSON array and, when there are more, a
     * {@code Link: <…>; rel="next"} to the same request with {@code after} set.
     */
    public ResponseEntity<List<AuditRecord>> toResponse(ServerHttpRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            String link = UriComponentsBuilder.fromPath(request.getPath().value())
                    .query(request.getURI().getRawQuery())
                    .replaceQueryParam("after", next)
                    .build(true)
                    .toUriString();
            answer.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"");
        }
        return answer.body(records);
    }
}
