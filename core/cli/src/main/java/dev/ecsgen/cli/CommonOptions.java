package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.plugin.PluginCatalog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command that loads plugins or logs shares. */
public final class CommonOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load plugin jars from DIR (repeatable), after the distribution's plugins/ folder.")
    List<Path> pluginDirs = new ArrayList<>();

    @Mixin
    LoggingOptions logging = new LoggingOptions();

    /** Sets the log level; see {@link LoggingOptions#configureLogging()}. */
    public void configureLogging() {
        logging.configureLogging();
    }

    /**
     * Loads the plugins of {@link #pluginRoots()}, and those on the class path unless the system
     * property {@code ecsgen.classPathPlugins} is {@code false}. The launcher sets it: the
     * distribution's lib/ folder contains no plugins, and searching it would open every jar there. Tests
     * and programs that embed the CLI keep the search.
     */
    public PluginCatalog loadPlugins() {
        List<Path> roots = pluginRoots();
        requireFolders(pluginDirs, "--plugins");
        requireFolders(pathList(System.getenv("ECSGEN_PLUGINS")), "ECSGEN_PLUGINS");
        return PluginCatalog.load(roots, !"false".equalsIgnoreCase(System.getProperty("ecsgen.classPathPlugins")));
    }

    /** Rejects a plugin folder that the user named but that is missing, so a mistyped path is not skipped unseen. */
    private static void requireFolders(List<Path> folders, String source) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw EcsgenException.invalidInput(source + " names " + folder + ", which is not a folder:"
                        + " correct the path or leave it out");
            }
        }
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
