package dev.ecsgen.engine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Strict UTF-8 decoding for the files users give ecsgen: specs, profiles, fragments and templates. */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * The first bytes that are not UTF-8, by line and column. The column counts bytes from 1, so it matches
     * the character column on a line of ASCII text.
     */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final int badByte;

        NotUtf8Exception(byte[] bytes, int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            this.line = line;
            this.column = offset - lineStart + 1;
            this.badByte = offset < bytes.length ? bytes[offset] & 0xff : -1;
        }

        /** Returns {@code :line:column} of the first invalid byte, to follow a file name in a message. */
        public String where() {
            return ":" + line + ":" + column;
        }

        /** Returns the first invalid byte in hexadecimal, such as {@code 0xFF}, or "the end of the file". */
        public String badByte() {
            return badByte < 0 ? "the end of the file" : String.format(Locale.ROOT, "0x%02X", badByte);
        }

        @Override
        public String getMessage() {
            return "not UTF-8 at line " + line + ", column " + column + " (" + badByte() + ")";
        }
    }

    /**
     * Decodes {@code bytes} as UTF-8.
     *
     * @throws NotUtf8Exception when the bytes are not valid UTF-8, where a lenient decoder would silently put
     *                          U+FFFD in their place
     */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 units than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new NotUtf8Exception(bytes, in.position());
        }
        return out.flip().toString();
    }
}
