package io.railcast.server.system;

import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every error of the API as an RFC 9457 problem: Spring's own (wrong method, media type, missing parameter, body
 * too large, {@link ApiProblem}) through {@link ResponseEntityExceptionHandler}, plus unreadable JSON with its
 * position and storage conflicts that slipped past the features' own checks.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        JacksonException jackson = findCause(ex, JacksonException.class);
        TypeMismatchException mismatch = findCause(ex, TypeMismatchException.class);
        if (jackson == null && mismatch != null) {
            // a parameter or header of the wrong type: name it, without the converter's own words
            String name =
                    ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
                            ? ex.getMethodParameter().getParameterName()
                            : String.valueOf(mismatch.getPropertyName());
            FieldProblem field = FieldProblem.of(
                    name,
                    name + " must be "
                            + FieldProblem.expected(
                                    mismatch.getRequiredType() == null ? String.class : mismatch.getRequiredType()));
            ProblemDetail problem = ApiProblem.problem(
                    HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", field.message());
            problem.setProperty("errors", List.of(field));
            return handleExceptionInternal(ex, problem, headers, status, exchange);
        }
        if (jackson == null) {
            if ("No request body".equals(ex.getReason())) {
                ex.setDetail("The request has no body; send JSON.");
            }
            return super.handleServerWebInputException(ex, headers, status, exchange);
        }
        ProblemDetail problem;
        if (jackson instanceof StreamConstraintsException) {
            // the reader's own limits; its message names its internals, which mean nothing to a client
            problem = ApiProblem.problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "Malformed JSON",
                    "The body holds a number, a text or a nesting beyond what is accepted"
                            + where(jackson.getLocation()) + ".");
        } else if (jackson instanceof StreamReadException) {
            problem = ApiProblem.problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "Malformed JSON",
                    "The body is not valid JSON" + where(jackson.getLocation()) + ": "
                            + String.valueOf(jackson.getOriginalMessage())
                                    .lines()
                                    .findFirst()
                                    .orElse(""));
        } else {
            FieldProblem field = FieldProblem.of(jackson);
            problem = ApiProblem.problem(
                    HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body", field.message());
            problem.setProperty("errors", List.of(field));
        }
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** A unique or foreign key that a concurrent request changed between a feature's check and its insert. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleDataIntegrityViolation(
            DataIntegrityViolationException ex, ServerWebExchange exchange) {
        logger.info("Refused a change that clashes with stored data: "
                + ex.getMostSpecificCause().getMessage());
        ProblemDetail problem = ApiProblem.problem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflicting change",
                "The change clashes with data stored meanwhile; nothing was changed. Reload and try again.");
        return handleExceptionInternal(ex, problem, null, HttpStatus.CONFLICT, exchange);
    }

    private static String where(TokenStreamLocation location) {
        return (location == null || location.getLineNr() < 0)
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
