package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {
    private static String committedSchema() throws IOException {
        return Files.readString(CliGolden.projectDir().resolve("docs/ecsgen-spec.schema.json"));
    }

    @Test
    void printsCommittedSchema() throws IOException {
        CliRun run = CliRun.of("schema");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(committedSchema());
    }

    @Test
    void writesSchemaToFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("spec.schema.json");

        CliRun run = CliRun.of("schema", "-o", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(file).hasContent(committedSchema());
    }
}
