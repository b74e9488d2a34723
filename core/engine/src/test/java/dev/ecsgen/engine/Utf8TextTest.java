package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void validTextDecodes() throws Exception {
        assertThat(Utf8Text.decode("café ☕ 𝄞\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("café ☕ 𝄞\n");
        assertThat(Utf8Text.decode(new byte[0])).isEmpty();
    }

    @Test
    void badByteIsLocatedByLineAndColumn() {
        byte[] bytes = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        Utf8Text.NotUtf8Exception error = catchThrowableOfType(() -> Utf8Text.decode(bytes), Utf8Text.NotUtf8Exception.class);

        assertThat(error.where()).isEqualTo(":2:7");
        assertThat(error.badByte()).isEqualTo("0xE9");
    }

    @Test
    void truncatedSequenceAtTheEndIsReported() {
        byte[] bytes = {'o', 'k', (byte) 0xE2, (byte) 0x98};

        Utf8Text.NotUtf8Exception error = catchThrowableOfType(() -> Utf8Text.decode(bytes), Utf8Text.NotUtf8Exception.class);

        assertThat(error.where()).isEqualTo(":1:3");
        assertThat(error.getMessage()).isEqualTo("not UTF-8 at line 1, column 3 (0xE2)");
    }
}
