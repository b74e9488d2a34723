package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path folder;

    private static CliRun execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Test
    void leanCommandLineBuildsOnlyNamedCommand() {
        assertThat(Main.commandLine("generate", "x.yaml").getSubcommands().keySet()).containsExactly("generate");
        assertThat(Main.commandLine("init").getSubcommands().keySet()).containsExactly("init");
        assertThat(Main.commandLine("validate", "x.json").getSubcommands().keySet()).containsExactly("validate");
    }

    @Test
    void warmupOnlyForGenerateRuns() {
        assertThat(Main.needsWarmup("generate", "x.yaml")).isTrue();
        assertThat(Main.needsWarmup("generate", "--help")).isFalse();
        assertThat(Main.needsWarmup("generate", "-V")).isFalse();
        assertThat(Main.needsWarmup("validate", "x.json")).isFalse();
        assertThat(Main.needsWarmup()).isFalse();
    }

    @Test
    void treeReadersGetEveryCommand() {
        List<String> all = List.copyOf(Main.commandLine().getSubcommands().keySet());

        assertThat(Main.commandLine("completion").getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(Main.commandLine("help", "generate").getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(Main.commandLine("--help").getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(Main.commandLine().getSubcommands().keySet()).contains("generate", "completion", "help");
    }

    @Test
    void leanAndFullCommandLinesPrintSameOutput() {
        String template = folder.resolve("stack.json").toString();
        List<String[]> cases = List.of(
                new String[] {"generate"},
                new String[] {"generate", "--help"},
                new String[] {"generate", "--version"},
                new String[] {"generate", "--no-such-option"},
                new String[] {"generate", "--format", "yaml"},
                new String[] {"generate", "--format", "xml"},
                new String[] {"generate", "-o", template, "--out-dir", folder.toString()},
                new String[] {"generate", folder.resolve("missing.yaml").toString()},
                new String[] {"validate", "--help"},
                new String[] {"validate", folder.resolve("missing.json").toString()},
                new String[] {"fragments", "list"},
                new String[] {"fragments", "--help"},
                new String[] {"ami", "export", "--help"},
                new String[] {"preview", "--help"},
                new String[] {"plugins"},
                new String[] {"diagram", "--help"},
                new String[] {"schema"},
                new String[] {"init", "--help"});
        for (String[] args : cases) {
            CliRun full = execute(Main.commandLine(), args);
            CliRun lean = execute(Main.commandLine(args), args);

            assertThat(lean.exitCode()).as("exit code of %s", List.of(args)).isEqualTo(full.exitCode());
            assertThat(lean.out()).as("stdout of %s", List.of(args)).isEqualTo(full.out());
            assertThat(lean.err()).as("stderr of %s", List.of(args)).isEqualTo(full.err());
        }
    }
}
