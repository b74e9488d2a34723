package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warm-up thread's work: it must succeed on the built-ins and stay silent. */
class WarmupTest {
    @Test
    void warmUpPrintsNothing() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capture);
            System.setErr(capture);
            Warmup.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void warmUpSpecIsValid() {
        // A rejected spec would stop the warm-up early without any sign, so the spec must load cleanly.
        assertThat(Warmup.parseSpec().spec().name()).isEqualTo("warm-up");
    }
}
