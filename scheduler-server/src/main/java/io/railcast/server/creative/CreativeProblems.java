package io.railcast.server.creative;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The creative library's refusals as the API answers them: RFC 9457 problems naming the field at fault. */
@RestControllerAdvice
class CreativeProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(CreativeRefusal refusal) {
        return problem(refusal).toResponse();
    }

    private static ApiProblem problem(CreativeRefusal refusal) {
        if (refusal instanceof CreativeRefusal.UnknownCreative unknown) {
            return ApiProblem.notFound(
                    "unknown-creative", "Unknown creative", "No creative has id " + unknown.id() + ".");
        }
        if (refusal instanceof CreativeRefusal.InvalidCreative invalid) {
            return ApiProblem.invalid("invalid-creative", "Invalid creative", invalid.problems());
        }
        if (refusal instanceof CreativeRefusal.DuplicateCreative duplicate) {
            String id = duplicate.id();
            return ApiProblem.conflict(
                    "duplicate-creative",
                    "Creative exists",
                    "Creative " + id
                            + " exists already; creatives never change, upload under a new id. Nothing was stored.",
                    List.of(FieldProblem.of("id", "a creative with id " + id + " exists already")));
        }
        if (refusal instanceof CreativeRefusal.MediaDamaged damaged) {
            return ApiProblem.withFields(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "media-damaged",
                    "Media damaged",
                    "The " + damaged.sizeBytes() + " bytes received have SHA-256 " + damaged.received()
                            + ", not the declared " + damaged.declared() + ": the file changed on the way. Nothing"
                            + " was stored; upload it again.",
                    List.of(FieldProblem.of("sha256", refusal.getMessage())));
        }
        if (refusal instanceof CreativeRefusal.UnsupportedMedia unsupported) {
            return unsupported(unsupported);
        }
        if (refusal instanceof CreativeRefusal.EmptyMedia empty) {
            return ApiProblem.invalid(
                    "empty-media",
                    "Empty media",
                    List.of(FieldProblem.of(
                            empty.field(),
                            empty.field() + " is empty: a creative needs the bytes of an image or a video")));
        }
        CreativeRefusal.MediaTooLarge tooLarge = (CreativeRefusal.MediaTooLarge) refusal;
        String limit = tooLarge.maxBytes() + " bytes";
        return ApiProblem.withFields(
                HttpStatus.CONTENT_TOO_LARGE,
                "media-too-large",
                "Media too large",
                "The media file is larger than the limit of " + limit + "; nothing was stored.",
                List.of(FieldProblem.of(tooLarge.field(), tooLarge.field() + " must not be larger than " + limit)));
    }

    private static ApiProblem unsupported(CreativeRefusal.UnsupportedMedia unsupported) {
        String field = unsupported.field();
        String found = unsupported.bytes();
        if (found == null) {
            String got = unsupported.declared();
            return ApiProblem.withFields(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media",
                    "Unsupported media type",
                    "Creatives are videos or images (video/*, image/*), not " + got + ". Nothing was stored.",
                    List.of(FieldProblem.of(field, field + " must be video/* or image/*, got " + got)));
        }
        return ApiProblem.withFields(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media",
                "Unsupported media type",
                "The bytes received are " + found + ", declared as "
                        + TextRules.quote(unsupported.declared()) + ". Screens play " + MediaSignature.PLAYED
                        + "; nothing was stored.",
                List.of(FieldProblem.of(
                        field,
                        field + " must be one of " + MediaSignature.PLAYED + " as declared;" + " its bytes are "
                                + found)));
    }
}
