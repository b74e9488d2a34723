package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one message on stderr and an exit code. A stack trace appears only with
 * {@code --stacktrace}, or for an internal error.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean stackTrace = parseResult.expandedArgs().contains("--stacktrace");
        if (e instanceof EcsgenException known) {
            for (String line : known.getMessage().split("\n")) {
                err.println(line.startsWith("  ") ? line : "error: " + line);
            }
            if (stackTrace) {
                e.printStackTrace(err);
            }
            err.flush();
            return known.exitCode();
        }
        err.println("error: internal error: " + e + "; this is a bug in ecsgen or a plugin."
                + " Rerun with --stacktrace and report the output.");
        if (stackTrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
