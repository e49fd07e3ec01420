package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.json.JsonMapper;

class AgentProblemsTest {

    private final AgentProblems problems =
            new AgentProblems(JsonMapper.builder().build());

    @Test
    void asksAgainForABearerTokenWhenTheTokenIsBad() {
        MockServerWebExchange exchange = exchange();
        problems.commence(exchange, new BadCredentialsException("unknown")).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer realm=\"RailCast agents\", error=\"invalid_token\"");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"type\":\"/problems/invalid-agent-token\"");
    }

    @Test
    void tellsTheAgentToComeBackLaterWhenItsTokenCouldNotBeChecked() {
        MockServerWebExchange exchange = exchange();
        problems.unavailable(exchange).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("5");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":503");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/agent/v1/schedule"));
    }
}
