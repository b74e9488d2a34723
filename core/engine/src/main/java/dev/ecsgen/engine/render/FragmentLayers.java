package dev.ecsgen.engine.render;

import dev.ecsgen.engine.plugin.PluginCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the fragment layers in precedence order, highest first. */
public final class FragmentLayers {
    private FragmentLayers() {
    }

    /**
     * Returns each {@code --fragments} folder, then each {@code ECSGEN_FRAGMENTS} folder, then the
     * fragments of each started plugin (by plugin id), then the built-ins.
     *
     * @param plugins the loaded plugins, or {@code null} to leave plugin fragments out
     */
    public static List<FragmentLayer> build(List<Path> optionDirs, List<Path> environmentDirs, PluginCatalog plugins) {
        List<FragmentLayer> layers = new ArrayList<>();
        for (Path folder : optionDirs) {
            layers.add(FragmentLayer.fromFolder("--fragments " + folder, folder));
        }
        for (Path folder : environmentDirs) {
            layers.add(FragmentLayer.fromFolder("ECSGEN_FRAGMENTS " + folder, folder));
        }
        if (plugins != null) {
            for (PluginCatalog.PluginClassLoader plugin : plugins.pluginClassLoaders()) {
                FragmentLayer layer = FragmentLayer.fromPlugin(plugin.pluginId(), plugin.source(), plugin.classLoader());
                if (!layer.sources().isEmpty()) {
                    layers.add(layer);
                }
            }
        }
        layers.add(FragmentLayer.builtIn());
        return layers;
    }
}
