package io.railcast.server.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything else reads them, URLs whose decoded path or query carries text no feature could use: a
 * control character (a NUL in {@code ?province=} or in a campaign id reached the database and failed with 500), a
 * lone surrogate, a parameter longer than {@value #MAX_PARAMETER} characters, or more than {@value #MAX_PARAMETERS}
 * parameters. Answered 400 naming the parameter (or {@code path}); the feature behind it never runs. Ordered before
 * the security chains, so a request that cannot be right costs no password check.
 */
@Component
@Order(-200)
class RequestTextFilter implements WebFilter {

    static final int MAX_PARAMETER = 1_000;
    static final int MAX_PARAMETERS = 50;

    private final JsonMapper jsonMapper;

    RequestTextFilter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<FieldProblem> problems = problems(exchange);
        if (problems.isEmpty()) {
            return chain.filter(exchange);
        }
        ProblemDetail problem = ApiProblem.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                problems.get(0).message());
        problem.setProperty("errors", problems);
        return ApiProblem.write(exchange, problem, jsonMapper);
    }

    private static List<FieldProblem> problems(ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        for (PathContainer.Element element : exchange.getRequest().getPath().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String text = TextRules.problem("path", segment.valueToMatch(), MAX_PARAMETER);
                if (text != null) {
                    problems.add(FieldProblem.of("path", text));
                    break;
                }
            }
        }
        var query = exchange.getRequest().getQueryParams();
        if (query.size() > MAX_PARAMETERS) {
            problems.add(
                    FieldProblem.of("query", "at most " + MAX_PARAMETERS + " query parameters, got " + query.size()));
            return problems;
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            String text = TextRules.problem("a query parameter's name", name, TextRules.SHORT);
            if (text != null) {
                problems.add(FieldProblem.of("query", text));
                continue;
            }
            for (String value : parameter.getValue()) {
                text = value == null ? null : TextRules.problem(name, value, MAX_PARAMETER);
                if (text != null) {
                    problems.add(FieldProblem.of(name, text));
                    break;
                }
            }
        }
        return problems;
    }
}
