package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagramCommandTest {
    private static final Path REFERENCE = CliGolden.projectDir().resolve("core/engine/src/test/resources/golden");
    private static final Path GOLDEN = CliGolden.projectDir().resolve("core/cli/src/test/resources/golden");

    /** A task definition that reads a secret two ways and names its roles, as task-level credentials do. */
    private static final String TASK_CREDENTIALS = """
            {
              "Parameters": {"QuaySecretArn": {"Type": "String"}},
              "Resources": {
                "QuaySecret": {"Type": "AWS::SecretsManager::Secret"},
                "ExecutionRole": {"Type": "AWS::IAM::Role"},
                "AppRole": {"Type": "AWS::IAM::Role"},
                "AppTaskDefinition": {
                  "Type": "AWS::ECS::TaskDefinition",
                  "Properties": {
                    "ExecutionRoleArn": {"Fn::GetAtt": ["ExecutionRole", "Arn"]},
                    "TaskRoleArn": {"Fn::GetAtt": "AppRole.Arn"},
                    "ContainerDefinitions": [
                      {"Name": "quay", "Image": "quay.io/exampleorg/app:1.0",
                       "RepositoryCredentials": {"CredentialsParameter": {"Ref": "QuaySecret"}}},
                      {"Name": "own", "Image": "registry.example.com:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                       "RepositoryCredentials": {"CredentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:own-AbCdEf"}},
                      {"Name": "param", "Image": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app"},
                       "RepositoryCredentials": {"CredentialsParameter": {"Ref": "QuaySecretArn"}}}
                    ]
                  }
                },
                "Log": {"Type": "AWS::Logs::LogGroup",
                        "Properties": {"LogGroupName": {"Fn::Sub": ["/ecs/${Family}-${!Literal}-${AppTaskDefinition}", {"Family": "app"}]}}}
              }
            }
            """;

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "mermaid, reference.json, reference.mmd",
        "mermaid, reference.yaml, reference.mmd",
        "dot,     reference.json, reference.dot",
        "dot,     reference.yaml, reference.dot"
    })
    void referenceMatchesGolden(String format, String template, String golden) {
        CliRun run = CliRun.of("diagram", REFERENCE.resolve(template).toString(), "--format", format);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        CliGolden.assertMatches(GOLDEN.resolve(golden), run.out());
    }

    @Test
    void referenceShowsEcsChain() {
        CliRun run = CliRun.of("diagram", REFERENCE.resolve("reference.json").toString(), "--format", "dot");

        assertThat(run.out())
                .contains("\"LaunchTemplate\" -> \"InstanceProfile\" [label=\"instance profile\"];\n")
                .contains("\"InstanceProfile\" -> \"InstanceRole\" [label=\"role\"];\n")
                .contains("\"WebTaskDefinition\" -> \"registry:docker.io\" [label=\"pulls nginx-private\"];\n")
                .contains("\"LaunchTemplate\" -> \"Cluster\" [label=\"Sub\"];\n")
                .contains("\"WebService\" -> \"AutoScalingGroup\" [label=\"DependsOn\"];\n");
    }

    @Test
    void taskCredentialsAndRolesAreNamed(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("task.json");
        Files.writeString(template, TASK_CREDENTIALS);

        CliRun run = CliRun.of("diagram", template.toString(), "--format", "dot");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains("->")))
                .containsExactly(
                        "  \"AppTaskDefinition\" -> \"AppRole\" [label=\"task role\"];",
                        "  \"AppTaskDefinition\" -> \"ExecutionRole\" [label=\"execution role\"];",
                        "  \"AppTaskDefinition\" -> \"QuaySecret\" [label=\"reads secret\"];",
                        "  \"AppTaskDefinition\" -> \"QuaySecretArn\" [label=\"reads secret\"];",
                        "  \"AppTaskDefinition\" -> \"registry:quay.io\" [label=\"pulls quay\"];",
                        "  \"AppTaskDefinition\" -> \"registry:registry.example.com:5000\" [label=\"pulls own\"];",
                        "  \"AppTaskDefinition\" -> \"secret:arn:aws:secretsmanager:eu-west-1:111122223333:secret:own-AbCdEf\" [label=\"reads secret\"];",
                        "  \"Log\" -> \"AppTaskDefinition\" [label=\"Sub\"];");
        assertThat(run.out())
                .contains("  \"registry:registry.example.com:5000\" [shape=cylinder, label=\"registry.example.com:5000\\nregistry\"];\n")
                .contains("[shape=note, label=\"own-AbCdEf\\nSecrets Manager secret\"];\n");
    }

    @Test
    void mermaidEscapesAndPrefixesIds(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("task.json");
        Files.writeString(template, TASK_CREDENTIALS);

        CliRun run = CliRun.of("diagram", template.toString());

        assertThat(run.out())
                .startsWith("flowchart LR\n")
                .contains("  g_registry_example_com_5000[(\"registry.example.com:5000<br/>registry\")]\n")
                .contains("  r_AppTaskDefinition -->|reads secret| s_own_AbCdEf\n")
                .contains("  p_QuaySecretArn[/\"QuaySecretArn<br/>parameter String\"/]\n");
    }

    @Test
    void outputOptionWritesFile(@TempDir Path dir) {
        Path file = dir.resolve("stack.mmd");

        CliRun run = CliRun.of("diagram", REFERENCE.resolve("reference.json").toString(), "-o", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(file).hasContent(CliRun.of("diagram", REFERENCE.resolve("reference.json").toString()).out());
    }

    @Test
    void svgRendersWithGraphviz(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(DiagramCommand.findOnPath("dot").isPresent(),
                "Graphviz 'dot' is not on PATH, so the --svg test is skipped; install the graphviz package to run it");
        Path svg = dir.resolve("stack.svg");

        CliRun run = CliRun.of("diagram", REFERENCE.resolve("reference.json").toString(), "--svg", svg.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        String text = Files.readString(svg);
        assertThat(text).contains("<svg").contains("<title>LaunchTemplate&#45;&gt;InstanceProfile</title>");
    }

    @Test
    void missingTemplateExits2() {
        CliRun run = CliRun.of("diagram", "no-such-template.json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: no-such-template.json: cannot read the template: file not found\n");
    }

    @Test
    void shortFormTagsAreDrawn(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("short.yaml");
        Files.writeString(template, """
                Resources:
                  Cluster:
                    Type: AWS::ECS::Cluster
                  Role:
                    Type: AWS::IAM::Role
                  Service:
                    Type: AWS::ECS::Service
                    Properties:
                      Cluster: !Ref Cluster
                      Role: !GetAtt Role.Arn
                      ServiceName: !Sub "${Cluster}-web"
                """);

        CliRun run = CliRun.of("diagram", template.toString(), "--format", "dot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains("->")))
                .containsExactly(
                        "  \"Service\" -> \"Cluster\" [label=\"Ref\"];",
                        "  \"Service\" -> \"Cluster\" [label=\"Sub\"];",
                        "  \"Service\" -> \"Role\" [label=\"GetAtt Arn\"];");
    }

    @Test
    void unknownTagExits2(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("tag.yaml");
        Files.writeString(template, "Resources:\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      Cluster: !Reference Cluster\n");

        CliRun run = CliRun.of("diagram", template.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + template + ":5:16: unknown tag !Reference; CloudFormation accepts"
                + " the short forms !And, ");
    }

    @Test
    void specInsteadOfTemplateExits2() {
        Path spec = CliGolden.projectDir().resolve("examples/reference.yaml");

        CliRun run = CliRun.of("diagram", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + spec + ": no Resources mapping: expected a CloudFormation template\n");
    }
}
