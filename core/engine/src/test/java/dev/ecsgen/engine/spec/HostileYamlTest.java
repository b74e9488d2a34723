package dev.ecsgen.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads hostile YAML files of almost exactly {@link SpecLoader#MAX_FILE_BYTES} and checks that each is rejected
 * with a message naming the file and the line, within a generous bound. The hostile part sits at the end, after
 * padding, so the parser has to read the whole file first. The measured times go in docs/hardening.md; each run
 * prints them.
 */
class HostileYamlTest {
    private static final String VALID_START = """
            name: web
            tasks:
              - name: app
                containers:
                  - name: app
                    image: nginx:1.27
            """;

    @TempDir
    Path folder;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("alias bomb", aliasBomb(),
                        "YAML alias *l0 is not supported in a spec, because ecsgen does not expand anchors and aliases"),
                Arguments.of("deep nesting", "tags: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n",
                        "the document is nested deeper than 40 levels"),
                Arguments.of("huge scalar", "description: \"" + "x".repeat(SpecLoader.MAX_FILE_BYTES - 2_000) + "\"\n",
                        "the value of description is 1046576 characters long, more than the 65536 characters a spec value may have"),
                Arguments.of("duplicate key", "name: other\n", "invalid YAML: Duplicate field 'name'"),
                Arguments.of("many unknown keys", "x0: 1\n", "unknown key 'x0' in the top level"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void megabyteHostileFileIsRejectedQuickly(String label, String hostileEnd, String expected) throws IOException {
        Path file = folder.resolve("hostile.yaml");
        Files.writeString(file, padded(hostileEnd), StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isBetween(SpecLoader.MAX_FILE_BYTES - 4_096L, (long) SpecLoader.MAX_FILE_BYTES);

        long start = System.nanoTime();
        EcsgenException error = catchThrowableOfType(EcsgenException.class, () -> new SpecLoader().load(file));
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("hostile YAML %s (%d bytes): rejected in %d ms%n", label, Files.size(file), millis);
        assertThat(error).isNotNull();
        assertThat(error.exitCode()).isEqualTo(EcsgenException.INVALID_INPUT);
        assertThat(error.getMessage()).startsWith(file + ":");
        assertThat(error.getMessage()).matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+(:\\d+)?: .*");
        assertThat(error.getMessage()).contains(expected);
        assertThat(millis).as("milliseconds to reject").isLessThan(5_000);
    }

    /** Returns the valid start, comment lines up to about 1 MB, then {@code end}. */
    private static String padded(String end) {
        int budget = SpecLoader.MAX_FILE_BYTES - VALID_START.length() - end.getBytes(StandardCharsets.UTF_8).length - 100;
        StringBuilder text = new StringBuilder(VALID_START);
        String comment = "# " + "padding ".repeat(12) + "\n";
        while (budget > comment.length()) {
            text.append(comment);
            budget -= comment.length();
        }
        return text.append(end).toString();
    }

    /** Returns nine levels of anchors, each a list of nine aliases of the level before. */
    private static String aliasBomb() {
        StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            bomb.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
        }
        return bomb.toString();
    }
}
