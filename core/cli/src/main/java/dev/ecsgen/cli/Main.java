package dev.ecsgen.cli;

import picocli.CommandLine;

/** Entry point of the {@code ecsgen} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = run(args);
        System.out.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code; tests call this in process. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Returns the configured command line, for tests that capture its output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new EcsgenCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }
}
