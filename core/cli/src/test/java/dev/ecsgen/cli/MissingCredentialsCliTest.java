package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code ecsgen generate} prints and returns for an image whose registry has no credentials. */
class MissingCredentialsCliTest {
    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private Path spec(boolean privateImage) throws IOException {
        Path spec = temp.resolve("anonymous.yaml");
        Files.writeString(spec, """
                name: anonymous
                registries:
                  - type: quay
                tasks:
                  - name: app
                    containers:
                      - name: worker
                        image: registry.example.com:5000/team/worker:1
                        private: %s
                """.formatted(privateImage), StandardCharsets.UTF_8);
        return spec;
    }

    @Test
    void publicImageWarnsOnStderr() throws IOException {
        Path spec = spec(false);
        Path output = temp.resolve("out.json");

        Run run = run("generate", "-o", output.toString(), spec.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("warning: " + spec + ":8:16: container worker in task app pulls"
                + " registry.example.com:5000/team/worker:1 from registry.example.com:5000, and no registry in the"
                + " spec has credentials for it; it is pulled anonymously, which works only for a public image\n");
        assertThat(output).exists();
    }

    @Test
    void strictMakesWarningAnError() throws IOException {
        Path spec = spec(false);
        Path output = temp.resolve("out.json");

        Run run = run("generate", "--strict", "-o", output.toString(), spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err()).isEqualTo("error: " + spec + ":8:16: container worker in task app pulls"
                + " registry.example.com:5000/team/worker:1 from registry.example.com:5000, and no registry in the"
                + " spec has credentials for it: add a 'registries' entry for registry.example.com:5000, or drop"
                + " --strict if the image is public\n");
        assertThat(output).doesNotExist();
    }

    @Test
    void privateImageIsAnError() throws IOException {
        Path spec = spec(true);

        Run run = run("generate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + spec + ":8:16: container worker in task app pulls"
                + " registry.example.com:5000/team/worker:1 from registry.example.com:5000, and no registry in the"
                + " spec has credentials for it: add a 'registries' entry for registry.example.com:5000\n");
    }
}
