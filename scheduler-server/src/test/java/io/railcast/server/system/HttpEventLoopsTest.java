package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/** A real Reactor Netty server on the product's loops: a connection is accepted on a loop that serves none. */
class HttpEventLoopsTest {

    @Test
    void acceptsConnectionsOnALoopThatServesNone() throws IOException, InterruptedException {
        ReactorResourceFactory resources = new HttpEventLoops().httpResources();
        resources.afterPropertiesSet();
        LoopResources loops = resources.getLoopResources();
        AtomicReference<EventLoop> acceptor = new AtomicReference<>();
        AtomicReference<EventLoop> serving = new AtomicReference<>();
        DisposableServer server = HttpServer.create()
                .port(0)
                .runOn(loops)
                .handle((request, response) -> {
                    request.withConnection(connection -> {
                        acceptor.set(connection.channel().parent().eventLoop());
                        serving.set(connection.channel().eventLoop());
                    });
                    return response.sendString(Mono.just("served"));
                })
                .bindNow();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(answer.body()).isEqualTo("served");
            assertThat(acceptor.get()).isNotNull().isNotSameAs(serving.get());
            assertThat(StreamSupport.stream(loops.onServer(true).spliterator(), false))
                    .as("the loops that serve connections")
                    .contains(serving.get())
                    .doesNotContain(acceptor.get());
        } finally {
            server.disposeNow();
            resources.destroy();
        }
    }
}
