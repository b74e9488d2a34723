package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    private static final String CLEAN = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Queue": {"Type": "AWS::SQS::Queue"}
              }
            }
            """;
    private static final String BROKEN_REF = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              QueueName:
                Type: String
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref QueueNme
            """;
    /** A template whose only finding is a warning: a registry key with a path. */
    private static final String WARNING_ONLY = """
            Resources:
              LaunchTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    UserData:
                      Fn::Base64: |
                        #!/bin/bash
                        cat <<'EOF' >> /etc/ecs/ecs.config
                        ECS_ENGINE_AUTH_TYPE=dockercfg
                        ECS_ENGINE_AUTH_DATA={"quay.io/team":{"auth":"${!QuayAuth}"}}
                        EOF
            """;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void cleanTemplateExitsZero() throws IOException {
        Path template = write("clean.json", CLEAN);

        assertThat(run("validate", template.toString())).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void errorPrintsTextLineAndExitsOne() throws IOException {
        Path template = write("broken.yaml", BROKEN_REF);

        assertThat(run("validate", template.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(template + ":9: /Resources/Queue/Properties/QueueName/Ref: error [ref-unresolved]"
                + " Ref to 'QueueNme', which is not a parameter, resource or pseudo parameter; define it or correct the name"
                + System.lineSeparator());
    }

    @Test
    void jsonFormatPrintsFindingObjects() throws IOException {
        Path template = write("broken.yaml", BROKEN_REF);

        assertThat(run("validate", "--format", "json", template.toString())).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(out.toString());
        assertThat(findings.isArray()).isTrue();
        assertThat(findings.size()).isEqualTo(1);
        JsonNode finding = findings.get(0);
        assertThat(finding.path("file").asText()).isEqualTo(template.toString());
        assertThat(finding.path("line").asInt()).isEqualTo(9);
        assertThat(finding.path("path").asText()).isEqualTo("/Resources/Queue/Properties/QueueName/Ref");
        assertThat(finding.path("severity").asText()).isEqualTo("error");
        assertThat(finding.path("rule").asText()).isEqualTo("ref-unresolved");
        assertThat(finding.path("message").asText()).startsWith("Ref to 'QueueNme'");
    }

    @Test
    void jsonFormatOfCleanTemplateIsEmptyArray() throws IOException {
        Path template = write("clean.json", CLEAN);

        assertThat(run("validate", "--format", "json", template.toString())).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void warningExitsZeroUnlessStrict() throws IOException {
        Path template = write("warning.yaml", WARNING_ONLY);

        assertThat(run("validate", template.toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith(template + ":7: /Resources/LaunchTemplate/Properties/LaunchTemplateData/UserData/Fn::Base64:"
                + " warning [ecs-auth-key] user data line 4: ECS_ENGINE_AUTH_DATA key 'quay.io/team' has a path after the host");

        out.getBuffer().setLength(0);
        assertThat(run("validate", "--strict", template.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("warning [ecs-auth-key]");
    }

    @Test
    void invalidYamlExitsTwoWithLineAndColumn() throws IOException {
        Path template = write("invalid.yaml", "Resources:\n  Queue: [Type, \n");

        assertThat(run("validate", template.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + template + ":3:1: invalid YAML: ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void invalidJsonExitsTwoWithLineAndColumn() throws IOException {
        Path template = write("invalid.json", "{\n  \"Resources\": {,}\n}\n");

        assertThat(run("validate", template.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + template + ":2:17: invalid JSON: Unexpected character (',' (code 44))");
    }

    @Test
    void unknownTagExitsTwo() throws IOException {
        Path template = write("tag.yaml", "Resources:\n  Queue:\n    Type: !Reference AWS::SQS::Queue\n");

        assertThat(run("validate", template.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + template + ":3:11: unknown tag !Reference;"
                + " CloudFormation accepts the short forms !And, !Base64, !Cidr, !Condition");
    }

    @Test
    void duplicateKeyExitsTwo() throws IOException {
        Path template = write("duplicate.yaml", "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Queue:\n    Type: AWS::SNS::Topic\n");

        assertThat(run("validate", template.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + template + ":4:3: duplicate key 'Queue' in /Resources;");
    }

    @Test
    void missingFileExitsTwoAfterCheckingOthers() throws IOException {
        Path broken = write("broken.yaml", BROKEN_REF);
        Path missing = folder.resolve("missing.yaml");

        assertThat(run("validate", missing.toString(), broken.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + missing + ": cannot read the template: file not found" + System.lineSeparator());
        assertThat(out.toString()).contains("[ref-unresolved]");
    }

    @Test
    void resourceSpecAddsSpecificationFindings() throws IOException {
        Path specification = write("spec.json", """
                {"ResourceTypes": {"AWS::SQS::Queue": {"Properties": {"QueueName": {"PrimitiveType": "String", "Required": false}}}},
                 "PropertyTypes": {}}
                """);
        Path template = write("queue.json", """
                {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueNam": "jobs"}}}}
                """);

        assertThat(run("validate", template.toString())).isEqualTo(0);
        assertThat(run("validate", "--resource-spec", specification.toString(), template.toString())).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(template + ":1: /Resources/Queue/Properties/QueueNam: error [spec-unknown-property]"
                + " unknown property 'QueueNam' of AWS::SQS::Queue; did you mean 'QueueName'?" + System.lineSeparator());
    }

    @Test
    void unreadableResourceSpecExitsTwo() throws IOException {
        Path template = write("clean.json", CLEAN);
        Path specification = folder.resolve("absent-spec.json");

        assertThat(run("validate", "--resource-spec", specification.toString(), template.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + specification + ": cannot read the --resource-spec file: file not found");
    }

    @Test
    void noTemplateIsUsageError() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'TEMPLATE'");
    }

    @Test
    void generateWritesNothingWhenCheckFails() throws IOException {
        Path fragments = Files.createDirectories(folder.resolve("fragments"));
        Files.writeString(fragments.resolve("outputs.ftl"), """
                {
                  "Outputs": {
                    "ClusterName": {"Value": {"Ref": "Clustr"}}
                  }
                }
                """);
        Path output = folder.resolve("stack.json");

        int exitCode = run("generate", "--fragments", fragments.toString(), "-o", output.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(output).doesNotExist();
        assertThat(err.toString()).contains("/Outputs/ClusterName/Value/Ref: error [ref-unresolved] Ref to 'Clustr'");
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("fragments");
        }
    }
}
