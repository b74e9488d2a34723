package dev.ecsgen.cli;

import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.plugin.PluginCatalog.Provided;
import dev.ecsgen.engine.plugin.PluginInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsgen plugins}: lists every plugin with its version, extensions and any load failure. */
@Command(name = "plugins",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the loaded plugins, their versions and extensions, and the jars that failed to load.")
public final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        common.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        try (PluginCatalog catalog = common.loadPlugins()) {
            out.println("Plugin folders: " + (common.pluginRoots().isEmpty() ? "(none)" : common.pluginRoots()));
            out.printf("%-24s %-16s %-9s %s%n", "PLUGIN", "VERSION", "STATE", "EXTENSIONS");
            for (PluginInfo plugin : catalog.plugins()) {
                out.printf("%-24s %-16s %-9s %s%n", plugin.id(), plugin.version().isEmpty() ? "-" : plugin.version(),
                        plugin.state(), plugin.extensions().isEmpty() ? "-" : String.join(", ", plugin.extensions()));
                if (plugin.failure() != null) {
                    out.println("    " + plugin.source() + ": " + plugin.failure());
                }
            }
            printConflicts(out, "registry type", catalog.registries());
            printConflicts(out, "AMI source", catalog.amiSources());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static <T> void printConflicts(PrintWriter out, String kind, Map<String, List<Provided<T>>> byId) {
        byId.forEach((id, providers) -> {
            if (providers.size() > 1) {
                out.println("conflict: " + kind + " '" + id + "' is provided by "
                        + String.join(" and ", providers.stream().map(p -> p.pluginId() + " (" + p.source() + ")").toList())
                        + "; a spec that uses it fails until one is removed");
            }
        });
    }
}
