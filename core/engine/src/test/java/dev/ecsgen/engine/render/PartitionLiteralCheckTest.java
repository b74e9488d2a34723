package dev.ecsgen.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.ExamplesTestAccess;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plan.StackPlan;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ARN that a fragment writes names the stack's partition, never aws literally. */
class PartitionLiteralCheckTest {
    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    static List<Path> examples() throws IOException {
        return ExamplesTestAccess.examples();
    }

    @Test
    void builtInSourcesHaveNoLiteral() throws IOException {
        FragmentSet fragments = new FragmentSet(List.of(FragmentLayer.builtIn()));

        assertThat(fragments.entries()).isNotEmpty();
        for (FragmentSet.Entry entry : fragments.entries()) {
            String text;
            try (InputStream in = entry.source().open()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(PartitionLiteralCheck.findLiterals(entry.source().location(), text))
                    .as("arn:aws: outside comments in %s", entry.source().location())
                    .isEmpty();
            assertThat(text.replaceAll("(?s)<#--.*?-->", ""))
                    .as("source text of %s without comments", entry.source().location())
                    .doesNotContain("arn:aws:");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void renderedFragmentsHaveNoLiteral(Path example) {
        StackGenerator generator = new StackGenerator(plugins, GenerateOptions.defaults());
        StackPlan plan = generator.plan(generator.load(example));

        List<RenderedFragment> rendered = new FragmentRenderer(generator.fragments()).renderAll(plan.model(), null);

        assertThat(rendered).hasSizeGreaterThan(10);
        for (RenderedFragment fragment : rendered) {
            // ARNs the spec itself names (secretArn, kmsKeyArn) are the user's, in the user's partition.
            String text = fragment.text();
            for (var registry : plan.spec().spec().registries()) {
                for (String userArn : new String[] {registry.secretArn(), registry.kmsKeyArn()}) {
                    if (userArn != null) {
                        text = text.replace(userArn, "<spec ARN>");
                    }
                }
            }
            assertThat(text).as("rendered %s for %s", fragment.source().name(), example).doesNotContain("arn:aws:");
        }
    }

    @Test
    void literalFoundWithLineAndColumn() {
        String text = "<#-- arn:aws: is fine in a comment -->\n{\n  \"Arn\": \"arn:aws:iam::aws:policy/X\"\n}\n";

        assertThat(PartitionLiteralCheck.findLiterals("custom.ftl", text)).containsExactly(
                "custom.ftl:3:11: writes 'arn:aws:', which is wrong in the aws-cn and aws-us-gov partitions:"
                        + " write arn:${AWS::Partition}: inside Fn::Sub, or use cfn.arn(service, rest)");
    }

    @Test
    void multiLineCommentKeepsLineNumbers() {
        String text = "<#--\n  arn:aws:\n-->\n\"arn:aws:s3:::bucket\"\n";

        assertThat(PartitionLiteralCheck.findLiterals("f.ftl", text)).singleElement().asString().startsWith("f.ftl:4:2: ");
    }

    @Test
    void overridingFragmentWithLiteralFailsGenerate(@TempDir Path folder) throws IOException {
        Path fragments = Files.createDirectories(folder.resolve("fragments"));
        Path override = fragments.resolve("execution-role.ftl");
        Files.writeString(override, """
                <#-- Replaces the built-in execution role. -->
                {
                  "Outputs": {
                    "PolicyArn": {"Value": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}
                  }
                }
                """);
        StackGenerator generator = new StackGenerator(plugins,
                new GenerateOptions(OutputFormat.JSON, false, List.of(fragments), null));

        Throwable thrown = catchThrowable(() -> generator.generate(ExamplesTestAccess.example("reference.yaml")));

        assertThat(thrown).isInstanceOf(EcsgenException.class);
        assertThat(((EcsgenException) thrown).exitCode()).isEqualTo(EcsgenException.CHECK_FAILED);
        assertThat(thrown).hasMessage("fragment " + override + ":4:29: writes 'arn:aws:', which is wrong in the"
                + " aws-cn and aws-us-gov partitions: write arn:${AWS::Partition}: inside Fn::Sub, or use"
                + " cfn.arn(service, rest)");
    }
}
