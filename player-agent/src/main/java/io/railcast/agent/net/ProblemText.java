package io.railcast.agent.net;

import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import java.nio.charset.StandardCharsets;

/** A refusal's body in one line: a problem+json's title and detail, or else the start of the body as text. */
final class ProblemText {

    private ProblemText() {}

    static String describe(int status, byte[] body) {
        try {
            JsonObject problem = JsonObject.parse(body);
            return status + " " + problem.string("title", "") + ": " + problem.string("detail", "");
        } catch (MalformedMessage e) {
            return status + " " + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        }
    }
}
