package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import java.lang.management.ManagementFactory;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The logging and error options every command that reads input shares. */
public final class LoggingOptions {
    @Option(names = {"-v", "--verbose"}, description = "Log each stage with counts and times on stderr.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors on stderr.")
    boolean quiet;

    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stackTrace;

    /**
     * Logs one line with --verbose. Without it no logger is made: a command that needs no other logging
     * then skips SLF4J's start-up, which reads every jar on the class path.
     */
    public void verbose(String format, Object... arguments) {
        if (verbose) {
            LoggerFactory.getLogger(LoggingOptions.class).info(format, arguments);
        }
    }

    /** Returns the milliseconds since {@code start}, a {@link System#nanoTime()} reading, for log lines. */
    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Sets the log level of the simple SLF4J backend; it must run before any logger is created,
     * because the backend reads its settings once.
     */
    public void configureLogging() {
        if (verbose && quiet) {
            throw EcsgenException.invalidInput("use either --quiet or --verbose, not both");
        }
        String level = "warn";
        if (verbose) {
            level = "info";
        } else if (quiet) {
            level = "error";
        }
        // The format of a line is set in simplelogger.properties.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        // PF4J logs load failures itself; ecsgen reports them once, with the jar and the reason.
        System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", verbose ? "warn" : "off");
        if (verbose) {
            // The management classes that report the uptime take a while to load, so that time is
            // subtracted: the figure is the uptime when this line began.
            long before = System.nanoTime();
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long lookupMillis = (System.nanoTime() - before) / 1_000_000;
            LoggerFactory.getLogger(LoggingOptions.class).info("Command line parsed {} ms after the JVM started",
                    uptime - lookupMillis);
        }
    }
}
