package dev.ecsgen.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that loads plugins or logs shares. */
public final class CommonOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load plugin jars from DIR (repeatable), after the distribution's plugins/ folder.")
    List<Path> pluginDirs = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log each stage with counts and times on stderr.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors on stderr.")
    boolean quiet;

    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stackTrace;

    /**
     * Sets the log level of the simple SLF4J backend; it must run before any logger is created,
     * because the backend reads its settings once.
     */
    public void configureLogging() {
        String level = verbose ? "info" : quiet ? "error" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        // PF4J logs load failures itself; ecsgen reports them once, with the jar and the reason.
        System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", verbose ? "warn" : "off");
    }

    /**
     * Returns the plugin folders in load order: the distribution's {@code plugins/}, each
     * {@code --plugins} folder, then each folder of {@code ECSGEN_PLUGINS}.
     */
    public List<Path> pluginRoots() {
        List<Path> roots = new ArrayList<>();
        String home = System.getProperty("ecsgen.home");
        if (home != null) {
            roots.add(Path.of(home, "plugins"));
        }
        roots.addAll(pluginDirs);
        roots.addAll(pathList(System.getenv("ECSGEN_PLUGINS")));
        return roots;
    }

    /** Splits a PATH-style list of folders, skipping empty entries. */
    static List<Path> pathList(String value) {
        List<Path> paths = new ArrayList<>();
        if (value == null) {
            return paths;
        }
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part));
            }
        }
        return paths;
    }
}
