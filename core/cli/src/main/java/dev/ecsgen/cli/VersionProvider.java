package dev.ecsgen.cli;

import dev.ecsgen.engine.EcsgenVersion;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.plugin.PluginInfo;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/**
 * Prints the ecsgen version, the Java runtime and the version of each plugin. Picocli calls it only
 * for {@code --version}, so plugins are loaded for that option and never for {@code --help}.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("ecsgen " + EcsgenVersion.full());
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        CommonOptions options = new CommonOptions();
        options.configureLogging();
        try (PluginCatalog catalog = options.loadPlugins()) {
            if (catalog.plugins().isEmpty()) {
                lines.add("Plugins: none loaded");
            } else {
                lines.add("Plugins:");
            }
            for (PluginInfo plugin : catalog.plugins()) {
                String version = plugin.version().isEmpty() ? "" : " " + plugin.version();
                String state = plugin.state().equals("started") ? "" : " (" + plugin.state() + ")";
                String extensions = plugin.extensions().isEmpty() ? "" : ": " + String.join(", ", plugin.extensions());
                lines.add("  " + plugin.id() + version + state + extensions);
            }
        }
        return lines.toArray(String[]::new);
    }
}
