package io.railcast.server.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The booking ITs' requests: a campaign or hold POSTed whatever the answer, and two requests raced. */
final class Requests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private Requests() {}

    /** {@code campaign} POSTed to {@code path}; the answer, whatever its status. */
    static EntityExchangeResult<Map<String, Object>> post(
            WebTestClient client, String path, Map<String, Object> campaign) {
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectBody(JSON)
                .returnResult();
    }

    /** Both calls, started together on two threads; their answers in the same order. */
    static List<EntityExchangeResult<Map<String, Object>>> atOnce(
            Supplier<EntityExchangeResult<Map<String, Object>>> one,
            Supplier<EntityExchangeResult<Map<String, Object>>> other)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<EntityExchangeResult<Map<String, Object>>>> calls = new ArrayList<>();
        for (var call : List.of(one, other)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return call.get();
            }));
        }
        List<EntityExchangeResult<Map<String, Object>>> answers = new ArrayList<>();
        for (var call : calls) {
            answers.add(call.get());
        }
        return answers;
    }
}
