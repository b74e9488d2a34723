package dev.ecsgen.engine.testing;

import dev.ecsgen.engine.plugin.PluginCatalog;
import java.util.List;

/**
 * The bundled plugins as the engine's tests see them: extensions on the test class path, found
 * through PF4J's extension index. Loaded once per test JVM and shared, since the catalog is not
 * changed after loading.
 */
public final class ClassPathPlugins {
    private static PluginCatalog catalog;

    private ClassPathPlugins() {
    }

    /** Returns the shared catalog, loading it on first use. */
    public static synchronized PluginCatalog catalog() {
        if (catalog == null) {
            catalog = PluginCatalog.load(List.of());
        }
        return catalog;
    }
}
