package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EcsgenCommandTest {
    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generate", "plugins", "Exit codes:", "2  invalid usage");
    }

    @Test
    void versionNamesEcsgenAndJava() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ecsgen 0.").contains("Java 17");
    }

    @Test
    void noCommandIsUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("missing command");
    }

    @Test
    void quietAndVerboseConflict() {
        CliRun run = CliRun.of("generate", "--quiet", "--verbose");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: use either --quiet or --verbose, not both" + System.lineSeparator());
    }

    @Test
    void pluginsListsClassPathExtensions() {
        CliRun run = CliRun.of("plugins");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("registry dockerhub").contains("ami ecs-optimized");
    }

    @Test
    void inputCommandsAcceptLoggingOptions() {
        String[][] commands = {{"generate"}, {"validate"}, {"preview"}, {"diagram"}, {"plugins"}, {"fragments", "list"},
            {"ami", "export"}};
        for (String[] command : commands) {
            String[] arguments = java.util.Arrays.copyOf(command, command.length + 1);
            arguments[command.length] = "--help";
            String help = CliRun.of(arguments).out();
            assertThat(help).as("%s --help", String.join(" ", command)).contains("--stacktrace", "--verbose", "--quiet");
        }
    }
}
