package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    /** Sources the script in a real bash and completes {@code words}, the last of which is partly typed. */
    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        // The compopt builtin fails outside a completion that readline started, so a no-op replaces it.
        StringBuilder program = new StringBuilder("compopt() { :; }\nsource \"$1\"\n");
        program.append("COMP_WORDS=(");
        for (String word : words) {
            program.append("'").append(word).append("' ");
        }
        program.append(")\n");
        program.append("COMP_CWORD=").append(words.length - 1).append('\n');
        program.append("COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n");
        program.append("_complete_ecsgen ecsgen \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n");
        program.append("printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        Process bash = new ProcessBuilder("bash", "-c", program.toString(), "complete-test", script.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash output: %s", output).isZero();
        return output;
    }

    private static Path bashScript(Path dir) throws IOException {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).isZero();
        Path script = dir.resolve("ecsgen.bash");
        Files.writeString(script, run.out());
        return script;
    }

    @Test
    void bashCompletesCommandName(@TempDir Path dir) throws Exception {
        String output = complete(bashScript(dir), "ecsgen", "gen");

        assertThat(output.lines()).containsExactly("generate");
    }

    @Test
    void bashCompletesEveryCommand(@TempDir Path dir) throws Exception {
        String output = complete(bashScript(dir), "ecsgen", "");

        assertThat(output.lines()).contains("generate", "plugins", "schema", "diagram", "init", "completion", "help");
    }

    @Test
    void bashCompletesOptionsAndEnumValues(@TempDir Path dir) throws Exception {
        Path script = bashScript(dir);

        assertThat(complete(script, "ecsgen", "generate", "--str").lines()).containsExactly("--strict");
        assertThat(complete(script, "ecsgen", "diagram", "--format", "").lines()).containsExactlyInAnyOrder("mermaid", "dot");
        assertThat(complete(script, "ecsgen", "completion", "z").lines()).containsExactly("zsh");
    }

    @Test
    void bashRegistersCompletionFunction(@TempDir Path dir) throws Exception {
        Path script = bashScript(dir);
        Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" && complete -p ecsgen", "complete-test", script.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("-F _complete_ecsgen").contains(" ecsgen");
    }

    @Test
    void zshScriptLoadsBashcompinit() {
        CliRun zsh = CliRun.of("completion", "zsh");
        CliRun bash = CliRun.of("completion", "bash");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).isEqualTo(CompletionCommand.zshPreamble() + bash.out());
        assertThat(zsh.out()).contains("autoload -U +X bashcompinit && bashcompinit\n");
    }

    @Test
    void unknownShellIsUsageError() {
        CliRun run = CliRun.of("completion", "fish");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh]");
    }
}
