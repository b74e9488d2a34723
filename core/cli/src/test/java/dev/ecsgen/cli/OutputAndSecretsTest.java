package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Output safety (closed stdout, a failing write in batch mode, a template over CloudFormation's resource limit)
 * and secret hygiene: recognizable credential values fed through every command that can see them never appear in
 * stdout, stderr, verbose logs, templates or kept fragment output.
 */
class OutputAndSecretsTest {
    private static final String PASSWORD = "SECRET-PW-7f3a91c2";
    private static final String USERNAME = "SECRET-USER-7f3a91c2";
    private static final String SPEC = """
            name: secrets
            registries:
              - type: dockerhub
                auth: agent
              - type: quay
                auth: task
              - type: selfhosted
                host: registry.example.com:5000
                secretArn: arn:aws:secretsmanager:eu-west-1:111122223333:secret:pull-AbCdEf
            tasks:
              - name: app
                containers:
                  - name: hub
                    image: team/app:1.0
                  - name: quay
                    image: quay.io/team/app:1.0
                  - name: internal
                    image: registry.example.com:5000/team/app:1.0
            """;

    @TempDir
    Path temp;

    @Test
    void closedStdoutEndsQuietly() throws IOException {
        Path spec = Files.writeString(temp.resolve("spec.yaml"), SPEC);
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        commandLine.setOut(new PrintWriter(new PrintStream(closed, false, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("generate", "-q", spec.toString());

        assertThat(exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void batchWriteFailureSkipsOnlyThatStack() throws IOException {
        Path specs = Files.createDirectories(temp.resolve("specs"));
        Files.writeString(specs.resolve("a.yaml"), SPEC);
        Files.writeString(specs.resolve("b.yaml"), SPEC.replace("name: secrets", "name: other"));
        Files.writeString(specs.resolve("c.yaml"), SPEC.replace("name: secrets", "name: third"));
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.createDirectories(out.resolve("b.json"));

        CliRun run = CliRun.of("generate", "-q", "--out-dir", out.toString(), specs.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + specs.resolve("b.yaml") + ": " + out.resolve("b.json")
                + ": is a directory: name a file, such as "
                + out.resolve("b.json/stack.json") + "\ngenerated 2 of 3 stacks into " + out + "; 1 failed\n");
        assertThat(out.resolve("a.json")).isRegularFile();
        assertThat(out.resolve("c.json")).isRegularFile();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                    .containsExactly("a.json", "b.json", "c.json");
        }
    }

    @Test
    void templateOverResourceLimitIsNotWritten() throws IOException {
        StringBuilder spec = new StringBuilder("name: big\ntasks:\n");
        for (int i = 0; i < 260; i++) {
            spec.append("  - name: task").append(i).append("\n    service: {desiredCount: 1}\n")
                    .append("    containers: [{name: app, image: nginx:1.27}]\n");
        }
        Path file = Files.writeString(temp.resolve("big.yaml"), spec);
        Path output = temp.resolve("big.json");

        CliRun run = CliRun.of("generate", "-q", "-o", output.toString(), file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).startsWith("error: the generated template fails its checks; nothing was written:\n");
        assertThat(run.err()).containsPattern("error: " + java.util.regex.Pattern.quote(file.toString())
                + " \\(generated template\\).*Resources has \\d+ entries, above CloudFormation's limit of 500");
        assertThat(output).doesNotExist();
    }

    @Test
    void credentialsNeverAppearInAnyOutput() throws IOException {
        Path spec = Files.writeString(temp.resolve("spec.yaml"), SPEC);
        Path template = temp.resolve("stack.json");
        Path rendered = temp.resolve("rendered");
        List<CliRun> runs = new ArrayList<>();

        runs.add(CliRun.of("generate", "--verbose", "--keep-rendered", rendered.toString(), "-o", template.toString(),
                spec.toString()));
        assertThat(runs.get(0).exitCode()).as(runs.get(0).err()).isZero();
        for (String parameter : List.of("DockerHub", "Quay")) {
            runs.add(CliRun.of("preview", template.toString(), "-p", parameter + "Username=" + USERNAME,
                    "-p", parameter + "Password=" + PASSWORD, "-p", "VpcId=vpc-0a1b2c3d4e5f60718",
                    "-p", "SubnetIds=subnet-0a1b2c3d4e5f60718,subnet-1a2b3c4d5e6f70819"));
        }
        runs.add(CliRun.of("preview", template.toString(), "-p", "DockerHubPassword=" + PASSWORD + ":bad\u0000",
                "-p", "DockerHubUsername=" + USERNAME + ":colon"));
        runs.add(CliRun.of("validate", template.toString()));
        runs.add(CliRun.of("diagram", template.toString()));
        String literal = Files.readString(template).replace("\"NoEcho\": true", "\"NoEcho\": true, \"Default\": \""
                + PASSWORD + "\"");
        Path wrong = Files.writeString(temp.resolve("literal.json"), literal);
        runs.add(CliRun.of("validate", wrong.toString()));
        assertThat(runs.get(runs.size() - 1).exitCode()).as("validate of a template with a literal credential")
                .isEqualTo(ExitCodes.CHECK_FAILED);

        for (CliRun run : runs) {
            assertThat(run.out()).doesNotContain(PASSWORD, USERNAME, "7f3a91c2");
            assertThat(run.err()).doesNotContain(PASSWORD, USERNAME, "7f3a91c2");
        }
        assertThat(Files.readString(template)).doesNotContain("7f3a91c2");
        try (Stream<Path> files = Files.walk(rendered)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as("%s", file).doesNotContain("7f3a91c2");
            }
        }
    }
}
