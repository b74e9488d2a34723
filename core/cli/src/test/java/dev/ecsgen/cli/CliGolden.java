package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares command output with a golden file byte for byte, or rewrites the file when the tests run
 * with {@code -Decsgen.updateGolden=true}.
 */
final class CliGolden {
    private CliGolden() {
    }

    /** Returns the repository root, which the build passes as {@code ecsgen.projectDir}. */
    static Path projectDir() {
        String dir = System.getProperty("ecsgen.projectDir");
        return dir != null ? Path.of(dir) : Path.of("../..").toAbsolutePath().normalize();
    }

    static void assertMatches(Path golden, String actual) {
        try {
            if (Boolean.getBoolean("ecsgen.updateGolden")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(golden)
                    .as("golden file %s is missing; run the tests with -Decsgen.updateGolden=true to create it", golden)
                    .exists();
            assertThat(actual)
                    .as("output differs from %s; if the change is intended, rerun with -Decsgen.updateGolden=true", golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
