package dev.ecsgen.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding for the files users give ecsgen: specs, profiles and templates. */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * Decodes {@code bytes} as UTF-8.
     *
     * @throws CharacterCodingException when the bytes are not valid UTF-8, where a lenient decoder would
     *                                  silently put U+FFFD in their place
     */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
