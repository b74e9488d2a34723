package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.Ecsgen;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.plugin.PluginInfo;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses ecsgen the way docs/library.md tells an embedding program to: only through
 * {@link Ecsgen}, with the bundled plugins on the class path. The package is outside
 * {@code dev.ecsgen} so that nothing package-private is reachable.
 */
class EcsgenLibraryTest {
    private static final String MINIMAL = """
            name: embedded
            tasks:
              - name: web
                containers:
                  - name: nginx
                    image: nginx:1.27
            """;

    private static Path projectDir() {
        return Path.of(System.getProperty("ecsgen.projectDir"));
    }

    @Test
    void generatesReferenceExampleLikeCli() throws IOException {
        Path golden = projectDir().resolve("core/engine/src/test/resources/golden/reference.json");

        try (Ecsgen ecsgen = Ecsgen.builder().build()) {
            Ecsgen.Result result = ecsgen.generate(projectDir().resolve("examples/reference.yaml"));

            assertThat(result.text()).isEqualTo(Files.readString(golden));
            assertThat(result.warnings()).isEmpty();
            assertThat(result.findings()).isEmpty();
        }
    }

    @Test
    void generatesSpecTextAsYaml() {
        try (Ecsgen ecsgen = Ecsgen.builder().format(OutputFormat.YAML).build()) {
            Ecsgen.Result result = ecsgen.generate("inline.yaml", MINIMAL);

            assertThat(result.text()).startsWith("AWSTemplateFormatVersion: 2010-09-09\n").endsWith("\n");
            assertThat(result.template().at("/Resources/WebTaskDefinition/Properties/Family").asText())
                    .isEqualTo("embedded-web");
            assertThat(result.template().at("/Resources/Cluster/Type").asText()).isEqualTo("AWS::ECS::Cluster");
        }
    }

    @Test
    void templateAccessorReturnsCopy() {
        try (Ecsgen ecsgen = Ecsgen.builder().build()) {
            Ecsgen.Result result = ecsgen.generate("inline.yaml", MINIMAL);

            ((ObjectNode) result.template()).remove("Resources");

            assertThat(result.template().has("Resources")).isTrue();
        }
    }

    @Test
    void invalidSpecThrowsWithExitCodeTwo() {
        try (Ecsgen ecsgen = Ecsgen.builder().build()) {
            assertThatThrownBy(() -> ecsgen.generate("bad.yaml", "name: bad name\ntasks: []\n"))
                    .isInstanceOf(EcsgenException.class)
                    .hasMessageStartingWith("bad.yaml:1:7: invalid value 'bad name' for name")
                    .extracting(e -> ((EcsgenException) e).exitCode())
                    .isEqualTo(EcsgenException.INVALID_INPUT);
        }
    }

    @Test
    void missingCredentialsWarnOrFailWhenStrict() {
        String spec = MINIMAL.replace("nginx:1.27", "quay.io/exampleorg/app:1.0");

        try (Ecsgen lenient = Ecsgen.builder().build()) {
            Ecsgen.Result result = lenient.generate("quay.yaml", spec);
            assertThat(result.warnings()).singleElement().asString().contains("quay.io/exampleorg/app:1.0");
        }
        try (Ecsgen strict = Ecsgen.builder().strict(true).build()) {
            assertThatThrownBy(() -> strict.generate("quay.yaml", spec))
                    .isInstanceOf(EcsgenException.class)
                    .hasMessageContaining("quay.io/exampleorg/app:1.0")
                    .extracting(e -> ((EcsgenException) e).exitCode())
                    .isEqualTo(EcsgenException.CHECK_FAILED);
        }
    }

    @Test
    void pluginsIncludeClassPathExtensions() {
        try (Ecsgen ecsgen = Ecsgen.builder().build()) {
            assertThat(ecsgen.plugins())
                    .flatExtracting(PluginInfo::extensions)
                    .contains("registry dockerhub", "ami ecs-optimized");
        }
    }

    @Test
    void brokenPluginJarIsListedAsFailed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.jar"), "not a jar");

        try (Ecsgen ecsgen = Ecsgen.builder().pluginFolder(folder).build()) {
            assertThat(ecsgen.plugins())
                    .filteredOn(plugin -> plugin.source().endsWith("broken.jar"))
                    .singleElement()
                    .extracting(PluginInfo::state)
                    .isEqualTo("failed");
            assertThat(ecsgen.generate("inline.yaml", MINIMAL).text()).contains("\"WebTaskDefinition\"");
        }
    }

    @Test
    void fragmentFolderOverridesBuiltIn(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("outputs.ftl"), """
                {"Outputs": {"ClusterName": {"Description": "Overridden", "Value": [=cfn.ref("Cluster")]}}}
                """);

        try (Ecsgen ecsgen = Ecsgen.builder().fragmentFolder(folder).build()) {
            JsonNode template = ecsgen.generate("inline.yaml", MINIMAL).template();

            assertThat(template.at("/Outputs/ClusterName/Description").asText()).isEqualTo("Overridden");
            assertThat(template.at("/Outputs").size()).isEqualTo(1);
        }
    }
}
