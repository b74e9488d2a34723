package dev.ecsgen.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.TemplateChecker;
import dev.ecsgen.engine.check.spec.ResourceSpecChecker;
import dev.ecsgen.engine.check.spec.ResourceSpecification;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.testing.ExternalCheckers;
import dev.ecsgen.engine.testing.Golden;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generates each organization example listed in {@code examples/org/goldens.txt} (a spec with a
 * profile and fragment layers), compares it with its golden template and runs every checker on it.
 */
class OrgExamplesTest {
    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    /** One line of the manifest. */
    record OrgExample(String name, Path spec, Path profile, List<Path> fragmentDirs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<OrgExample> examples() throws IOException {
        Path root = Golden.projectDir();
        List<OrgExample> examples = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("examples/org/goldens.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\|");
            List<Path> folders = Arrays.stream(columns[3].trim().split("\\s+")).map(root::resolve).toList();
            examples.add(new OrgExample(columns[0].trim(), root.resolve(columns[1].trim()),
                    root.resolve(columns[2].trim()), folders));
        }
        return examples;
    }

    private static GeneratedStack generate(OrgExample example) {
        StackGenerator generator = new StackGenerator(plugins, new GenerateOptions(OutputFormat.JSON, false,
                example.fragmentDirs(), null, List.of(), example.profile()));
        return generator.generate(generator.load(example.spec()));
    }

    @Test
    void manifestListsBothCombinations() throws IOException {
        assertThat(examples()).extracting(OrgExample::name).containsExactly("org", "org-legacy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void jsonMatchesGolden(OrgExample example) {
        Path golden = Golden.projectDir().resolve("core/engine/src/test/resources/golden/" + example.name() + ".json");
        Golden.assertMatches(golden, generate(example).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesOwnChecksWithoutFindings(OrgExample example) {
        GeneratedStack stack = generate(example);
        List<Finding> findings = new TemplateChecker().check(example.name(), stack.template(), stack.text().length());
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesResourceSpecification(OrgExample example) {
        Optional<ResourceSpecification> specification = ExternalCheckers.resourceSpecification();
        ExternalCheckers.assumeAvailable("the CloudFormation resource specification", specification.isPresent());
        List<Finding> findings = new ResourceSpecChecker(specification.get()).check(example.name(), generate(example).template());
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesCloudFormationValidate(OrgExample example, @TempDir Path folder) throws IOException {
        Path template = folder.resolve("template.json");
        Files.writeString(template, generate(example).text());
        ExternalCheckers.ValidatorResult result = ExternalCheckers.runCloudFormationValidate(template);
        assertThat(result.errors()).as("cloudformation-validate errors for %s", example).isEmpty();
        assertThat(result.exitCode()).as("cloudformation-validate exit code; stderr: %s", result.stderr()).isZero();
    }

    @Test
    void everyContainerLogsToTheLogGroup() {
        OrgExample org = new OrgExample("org", Golden.projectDir().resolve("examples/org/stack.yaml"),
                Golden.projectDir().resolve("examples/org/profile.yaml"),
                List.of(Golden.projectDir().resolve("examples/org/fragments")));
        GeneratedStack stack = generate(org);
        var container = stack.template().at("/Resources/ApiTaskDefinition/Properties/ContainerDefinitions/0");
        assertThat(container.at("/LogConfiguration/LogDriver").asText()).isEqualTo("awslogs");
        assertThat(container.at("/LogConfiguration/Options/awslogs-group").toString()).isEqualTo("{\"Ref\":\"LogGroup\"}");
        assertThat(stack.template().at("/Resources/LogGroup/Properties/RetentionInDays").asInt()).isEqualTo(30);
        assertThat(stack.template().at("/Resources/Cluster/Properties/Tags").toString())
                .isEqualTo("[{\"Key\":\"cost-centre\",\"Value\":\"CC-4711\"},{\"Key\":\"owner\",\"Value\":\"orders-team\"},"
                        + "{\"Key\":\"team\",\"Value\":\"orders\"}]");
    }
}
