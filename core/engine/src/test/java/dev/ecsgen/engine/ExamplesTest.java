package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.check.spec.ResourceSpecChecker;
import dev.ecsgen.engine.check.spec.ResourceSpecification;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ExternalCheckers;
import dev.ecsgen.engine.testing.Golden;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generates every spec under {@code examples/} and compares it with its golden template, then runs
 * every checker on it: ecsgen's own checks, the CloudFormation resource specification and AWS's
 * offline validator.
 */
class ExamplesTest {
    private static PluginCatalog plugins;

    @BeforeAll
    static void loadPlugins() {
        plugins = PluginCatalog.load(List.of());
    }

    @AfterAll
    static void closePlugins() {
        plugins.close();
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Golden.projectDir().resolve("examples"))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Path golden(Path example, String extension) {
        String name = example.getFileName().toString().replaceFirst("\\.yaml$", "");
        return Golden.projectDir().resolve("core/engine/src/test/resources/golden/" + name + "." + extension);
    }

    private static GeneratedStack generate(Path example, OutputFormat format) {
        Path relative = Golden.projectDir().relativize(example);
        StackGenerator generator = new StackGenerator(plugins,
                new GenerateOptions(format, false, List.of(), null));
        return generator.generate(generator.load(relative.isAbsolute() ? example : Golden.projectDir().resolve(relative)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void jsonMatchesGolden(Path example) {
        Golden.assertMatches(golden(example, "json"), generate(example, OutputFormat.JSON).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void yamlMatchesGolden(Path example) {
        Golden.assertMatches(golden(example, "yaml"), generate(example, OutputFormat.YAML).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void generationIsDeterministic(Path example) {
        assertThat(generate(example, OutputFormat.JSON).text()).isEqualTo(generate(example, OutputFormat.JSON).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesOwnChecksWithoutFindings(Path example) {
        GeneratedStack stack = generate(example, OutputFormat.JSON);
        List<Finding> findings = new TemplateChecker().check(example.toString(), stack.template(), stack.text().length());
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesResourceSpecification(Path example) {
        Optional<ResourceSpecification> specification = ExternalCheckers.resourceSpecification();
        ExternalCheckers.assumeAvailable("the CloudFormation resource specification", specification.isPresent());
        GeneratedStack stack = generate(example, OutputFormat.JSON);
        List<Finding> findings = new ResourceSpecChecker(specification.get()).check(example.toString(), stack.template());
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesCloudFormationValidate(Path example, @TempDir Path folder) throws IOException {
        for (OutputFormat format : OutputFormat.values()) {
            GeneratedStack stack = generate(example, format);
            Path template = folder.resolve("template." + format.name().toLowerCase(java.util.Locale.ROOT));
            Files.writeString(template, stack.text());
            ExternalCheckers.ValidatorResult result = ExternalCheckers.runCloudFormationValidate(template);
            assertThat(result.errors()).as("cloudformation-validate errors for %s (%s)", example, format).isEmpty();
            assertThat(result.exitCode()).as("cloudformation-validate exit code; stderr: %s", result.stderr()).isZero();
        }
    }

}
