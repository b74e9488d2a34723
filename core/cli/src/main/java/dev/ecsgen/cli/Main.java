package dev.ecsgen.cli;

import dev.ecsgen.engine.Warmup;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ecsgen} command. */
public final class Main {
    /**
     * The commands that run without the rest of the command tree, by name. Building picocli's model
     * of every command by reflection is a large part of a short run's start-up, so when the first
     * argument names one of these, only that command is built. {@code completion} and {@code help}
     * read the whole tree, so they are not here.
     */
    private static final Map<String, Supplier<Object>> LEAN_COMMANDS = Map.of(
            "generate", GenerateCommand::new,
            "validate", ValidateCommand::new,
            "preview", PreviewCommand::new,
            "fragments", FragmentsCommand::new,
            "ami", AmiCommand::new,
            "plugins", PluginsCommand::new,
            "diagram", DiagramCommand::new,
            "schema", SchemaCommand::new,
            "init", InitCommand::new);

    /**
     * The commands that load specs and render fragments, which {@link Warmup} prepares for; the system
     * property {@code ecsgen.warmup=false} turns it off, to measure what it saves.
     */
    private static final Set<String> WARM_COMMANDS = Set.of("generate");

    private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

    /**
     * System properties that make the libraries start faster, set unless the command line sets them. A
     * lookup of a class or resource that no jar contains makes the class loader open and index every jar
     * on the class path, about 20 ms for ecsgen's 45. These properties keep a run from making one.
     * <ul>
     * <li>No option takes a java.sql or java.time type, and picocli registers converters for those by
     * reflection, loading about eighty JDK classes, unless a pattern excludes them.
     * <li>picocli looks for Groovy's closure class, which is never there.
     * <li>SLF4J looks for its backend with a service loader, which reads every jar, unless one is named.
     * Naming it makes SLF4J print a note, which the verbosity setting hides.
     * <li>FreeMarker searches for Log4j before it falls back to java.util.logging; naming that fallback
     * skips the search. It must not be SLF4J: the warm-up thread starts FreeMarker, which makes its
     * loggers at once, and an SLF4J logger made before the command line sets the level keeps the
     * default level, so INFO lines would appear without --verbose.
     * </ul>
     */
    private static final Map<String, String> STARTUP_PROPERTIES = Map.of(
            "picocli.converters.excludes", "java\\.(sql|time)\\..*",
            "picocli.disable.closures", "true",
            "slf4j.provider", "org.slf4j.simple.SimpleServiceProvider",
            "slf4j.internal.verbosity", "WARN",
            "org.freemarker.loggerLibrary", "JUL");

    private Main() {
    }

    public static void main(String[] args) {
        // Before the warm-up thread starts, since the libraries read these when their classes load.
        STARTUP_PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        if (needsWarmup(args)) {
            Warmup.start();
        }
        int exitCode = run(args);
        System.out.flush();
        System.exit(exitCode);
    }

    /**
     * Returns whether {@code args} run a command that {@link Warmup} prepares for. Help and version
     * requests only print text, so the warm-up would take CPU from them for nothing.
     */
    static boolean needsWarmup(String... args) {
        if (args.length == 0 || !WARM_COMMANDS.contains(args[0]) || "false".equals(System.getProperty("ecsgen.warmup"))) {
            return false;
        }
        return Arrays.stream(args).noneMatch(HELP_AND_VERSION::contains);
    }

    /** Runs one command line and returns its exit code; tests call this in process. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** Returns the configured command line with every command, for help, completion and man pages. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new EcsgenCommand()));
    }

    /**
     * Returns the configured command line to run {@code args} with: only the named command under the
     * top-level one when {@code args} start with a command of {@link #LEAN_COMMANDS}, else every command.
     * Both parse and run those arguments the same way.
     */
    public static CommandLine commandLine(String... args) {
        Supplier<Object> lean = args.length == 0 ? null : LEAN_COMMANDS.get(args[0]);
        if (lean == null) {
            return commandLine();
        }
        CommandLine commandLine = new CommandLine(new LeanRoot());
        commandLine.addSubcommand(args[0], lean.get());
        return configure(commandLine);
    }

    private static CommandLine configure(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }

    /** The top-level command above a single command; it only gives that command its parent name. */
    @Command(name = "ecsgen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
    static final class LeanRoot implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("LeanRoot runs only with a command as its first argument");
        }
    }
}
