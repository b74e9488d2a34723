package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PreviewCommandTest {
    private static final String PASSWORD = "Hunter2 $(id) \"quoted\"";

    @TempDir
    static Path folder;

    private static Path reference;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void generateReference() {
        reference = folder.resolve("reference.yaml");
        Run run = run("generate", "--format", "yaml", "-o", reference.toString());
        assertThat(run.exitCode()).as("generate stderr: %s", run.err()).isZero();
    }

    private static Run run(String... args) {
        CommandLine commandLine = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run preview(String... extra) {
        List<String> args = new ArrayList<>(List.of("preview", reference.toString(),
                "-p", "VpcId=vpc-0a1b2c3d", "-p", "Subnets=subnet-1,subnet-2"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static String auth(String username, String password) {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksSecretsByDefault() {
        Run run = preview("-p", "DockerHubUsername=robot", "-p", "DockerHubPassword=" + PASSWORD);

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain(PASSWORD);
        assertThat(run.out()).doesNotContain(auth("robot", PASSWORD));
        assertThat(run.out()).contains("https://index.docker.io/v1/  robot     ****(22)  ****(40)\n");
        assertThat(run.out()).contains("ECS_ENGINE_AUTH_DATA={\"https://index.docker.io/v1/\":{\"auth\":\"****(40)\"}}\n");
        assertThat(run.out()).contains("agent: user robot\n");
    }

    @Test
    void showSecretsPrintsThem() {
        Run run = preview("-p", "DockerHubUsername=robot", "-p", "DockerHubPassword=" + PASSWORD, "--show-secrets");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Secrets are shown because --show-secrets is set.\n");
        assertThat(run.out()).contains("robot     " + PASSWORD + "  " + auth("robot", PASSWORD));
        assertThat(run.out()).contains("{\"auth\":\"" + auth("robot", PASSWORD) + "\"}");
    }

    @Test
    void appliesRegionAndStackName() {
        Run run = preview("-p", "DockerHubUsername=robot", "-p", "DockerHubPassword=pw",
                "--region", "eu-west-1", "--stack-name", "prod");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Stack prod in eu-west-1, account 123456789012.\n");
        assertThat(run.out()).contains("ECS_CLUSTER=prod-Cluster\n");
    }

    @Test
    void missingParameterFails() {
        Run run = preview("-p", "DockerHubUsername=robot");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + reference + ": Parameter 'DockerHubPassword' has no value and no"
                + " Default, and the preview needs it. Pass a value for it.\n"
                + "  give parameter values with -p Name=Value\n");
    }

    @Test
    void unusedParametersNeedNoValue() {
        Run run = run("preview", reference.toString(), "-p", "DockerHubUsername=robot", "-p", "DockerHubPassword=pw");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("ECS_CLUSTER=ecsgen-preview-Cluster\n").doesNotContain("<VpcId>", "<Subnets>");
    }

    @Test
    void allMissingUsedParametersAreListed() {
        Run run = run("preview", reference.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + reference + ": Parameter 'DockerHubPassword' has no value and no"
                + " Default, and the preview needs it. Pass a value for it.\n"
                + "error: " + reference + ": Parameter 'DockerHubUsername' has no value and no"
                + " Default, and the preview needs it. Pass a value for it.\n"
                + "  give parameter values with -p Name=Value\n");
    }

    @Test
    void patternMismatchHidesNoEchoValue() {
        Run run = preview("-p", "DockerHubUsername=team:robot", "-p", "DockerHubPassword=pw");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).startsWith("error: " + reference + ": Parameter 'DockerHubUsername' value (hidden"
                + " because the parameter is NoEcho) does not match the AllowedPattern ");
        assertThat(run.err()).doesNotContain("team:robot");
    }

    @Test
    void missingTemplateIsInvalidInput() {
        Path missing = folder.resolve("missing.yaml");
        Run run = run("preview", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: " + missing + ": cannot read the template: ");
    }

    @Test
    void parameterWithoutNameIsUsageError() {
        Run run = preview("-p", "hunter2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("invalid -p value: expected NAME=VALUE, such as -p InstanceType=t3.small\n");
        assertThat(run.err()).doesNotContain("hunter2");
    }

    @Test
    void readsHandWrittenYamlWithShortForms() throws Exception {
        Path template = folder.resolve("hand-written.yaml");
        Files.writeString(template, """
                Parameters:
                  QuayAuth:
                    Type: String
                    NoEcho: true
                Resources:
                  Cluster:
                    Type: AWS::ECS::Cluster
                  LaunchTemplate:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        UserData: !Base64
                          Fn::Sub: |
                            #!/bin/bash
                            echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config
                            echo 'ECS_ENGINE_AUTH_TYPE=dockercfg' >> /etc/ecs/ecs.config
                            echo 'ECS_ENGINE_AUTH_DATA={"quay.io":{"auth":"${QuayAuth}"}}' >> /etc/ecs/ecs.config
                  Task:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: app
                          Image: !Sub quay.io/team/app:${AWS::Region}
                        - Name: other
                          Image: ghcr.io/team/other:1
                          RepositoryCredentials:
                            CredentialsParameter: !Ref Secret
                  Secret:
                    Type: AWS::SecretsManager::Secret
                """);

        Run run = run("preview", template.toString(), "-p", "QuayAuth=" + auth("bot", "pw"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("line 2: info: echo appends 1 line after bash removes quotes and expands"
                + " variables. A quoted here-document keeps every byte of a value.\n");
        assertThat(run.out()).contains("quay.io  bot       ****(2)   ****(8)\n");
        assertThat(run.out()).contains("Task             app        quay.io/team/app:us-east-1  quay.io   quay.io    agent: user bot\n");
        assertThat(run.out()).contains("Task             other      ghcr.io/team/other:1        ghcr.io   -          task: ecsgen-preview-Secret\n");
    }
}
