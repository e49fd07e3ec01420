package io.railcast.agent.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's example schedule body (schedule-v42.json, version 42 of screen BJN-LCD-0001), for the tests of this
 * module and, through its test jar, of the modules that speak the protocol.
 */
public final class ProtocolExamples {

    private ProtocolExamples() {}

    public static byte[] example() throws IOException {
        try (InputStream in = ProtocolExamples.class.getResourceAsStream("/schedule-v42.json")) {
            return in.readAllBytes();
        }
    }

    public static String exampleText() throws IOException {
        return new String(example(), StandardCharsets.UTF_8);
    }
}
