package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.spec.RegistryEntry;
import dev.ecsgen.engine.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitCommandTest {
    private static void assumePluginLoaded(String registryType) {
        try (PluginCatalog catalog = PluginCatalog.load(List.of())) {
            Assumptions.assumeTrue(catalog.registries().containsKey(registryType),
                    "registry plugin '" + registryType + "' is not on the test class path, so its starter spec"
                            + " is not generated; add the plugin as a test dependency of core/cli");
        }
    }

    @Test
    void writesDockerHubStarterThatGenerates(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("shop-api");

        CliRun init = CliRun.of("init", project.toString());

        assertThat(init.exitCode()).isZero();
        Path spec = project.resolve("ecsgen.yaml");
        assertThat(init.err()).isEqualTo("wrote " + spec + "; generate it with: ecsgen generate " + spec + "\n");
        String text = Files.readString(spec);
        assertThat(text).contains("name: shop-api\n", "  - type: dockerhub\n", "        image: exampleorg/app:1.0\n");
        assertThat(text).doesNotContain("quay", "selfhosted");

        CliRun generate = CliRun.of("generate", spec.toString(), "--strict");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).isEmpty();
        assertThat(generate.out()).contains("\"AppTaskDefinition\"", "\"DockerHubPassword\"", "\"Image\": \"exampleorg/app:1.0\"",
                "\"Family\": \"shop-api-app\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quay", "selfhosted"})
    void otherRegistryStarterGenerates(String registry, @TempDir Path dir) {
        CliRun init = CliRun.of("init", dir.toString(), "--registry", registry);
        assertThat(init.exitCode()).isZero();
        assertThat(dir.resolve("ecsgen.yaml")).content().contains("  - type: " + registry + "\n");
        assertThat(new SpecLoader().load(dir.resolve("ecsgen.yaml")).spec().registries())
                .singleElement()
                .extracting(RegistryEntry::type)
                .isEqualTo(registry);

        assumePluginLoaded(registry);
        CliRun generate = CliRun.of("generate", dir.resolve("ecsgen.yaml").toString(), "--strict");
        assertThat(generate.exitCode()).as(generate.err()).isZero();
    }

    @Test
    void everyRegistryInOneSpec(@TempDir Path dir) throws IOException {
        CliRun init = CliRun.of("init", dir.toString(), "--registry", "dockerhub,quay,selfhosted");

        assertThat(init.exitCode()).isZero();
        String text = Files.readString(dir.resolve("ecsgen.yaml"));
        assertThat(text).containsSubsequence("  - type: dockerhub\n", "  - type: quay\n", "  - type: selfhosted\n",
                "      - name: dockerhub\n", "      - name: quay\n", "      - name: selfhosted\n");
        assertThat(text).contains("        image: registry.example.com:5000/team/app:1.0\n");
    }

    @Test
    void existingSpecIsKeptWithoutForce(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("ecsgen.yaml");
        Files.writeString(spec, "name: mine\n");

        CliRun run = CliRun.of("init", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + spec + ": the file exists and was left unchanged:"
                + " use --force to replace it, or choose another DIR\n");
        assertThat(spec).hasContent("name: mine\n");
    }

    @Test
    void forceReplacesExistingSpec(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("ecsgen.yaml");
        Files.writeString(spec, "name: mine\n");

        CliRun run = CliRun.of("init", dir.toString(), "--force");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(spec)).startsWith("# A starter ecsgen stack spec.");
    }

    @Test
    void unknownRegistryIsUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("init", dir.toString(), "--registry", "ecr");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Invalid value for option '--registry'", "expected one of [dockerhub, quay, selfhosted]");
        assertThat(dir.resolve("ecsgen.yaml")).doesNotExist();
    }

    @Test
    void stackNameFallsBackForInvalidFolder() {
        assertThat(InitCommand.stackName(Path.of("/tmp/My Project_2"))).isEqualTo("my-project-2");
        assertThat(InitCommand.stackName(Path.of("/tmp/2024"))).isEqualTo("my-cluster");
        assertThat(InitCommand.stackName(Path.of("/"))).isEqualTo("my-cluster");
    }
}
