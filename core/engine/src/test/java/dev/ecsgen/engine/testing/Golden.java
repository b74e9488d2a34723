package dev.ecsgen.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a golden file byte for byte. Run the tests with
 * {@code -Decsgen.updateGolden=true} to rewrite the golden files instead; review the diff before
 * committing it.
 */
public final class Golden {
    private Golden() {
    }

    /** Returns the repository root, which the build passes as {@code ecsgen.projectDir}. */
    public static Path projectDir() {
        String dir = System.getProperty("ecsgen.projectDir");
        if (dir != null) {
            return Path.of(dir);
        }
        Path current = Path.of("").toAbsolutePath();
        while (current != null && !Files.isDirectory(current.resolve("examples"))) {
            current = current.getParent();
        }
        if (current == null) {
            throw new IllegalStateException("cannot find the repository root (a folder with examples/)");
        }
        return current;
    }

    public static boolean updating() {
        return Boolean.getBoolean("ecsgen.updateGolden");
    }

    /** Asserts that {@code actual} equals the file, or rewrites the file when updating. */
    public static void assertMatches(Path golden, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(golden)
                    .as("golden file %s is missing; run the tests with -Decsgen.updateGolden=true to create it", golden)
                    .exists();
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            assertThat(actual)
                    .as("output differs from %s; if the change is intended, rerun with -Decsgen.updateGolden=true", golden)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
