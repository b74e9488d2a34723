package dev.ecsgen.engine.plugin;

import dev.ecsgen.api.AmiSource;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.engine.EcsgenVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginManager;
import org.pf4j.LegacyExtensionFinder;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry renderers and AMI sources of every loaded plugin, by id.
 *
 * <p>Plugins come from PF4J jars in the given folders, in order, and, unless the caller turns it off,
 * from extensions on the class path (how tests and embedding programs provide them). A jar that fails to
 * load is recorded with its reason, and the others still load.
 */
public final class PluginCatalog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);
    private static final String CLASS_PATH = "(class path)";

    private final JarPluginManager manager;
    private final List<PluginInfo> plugins = new ArrayList<>();
    private final Map<String, List<Provided<RegistryAuthRenderer>>> registries = new TreeMap<>();
    private final Map<String, List<Provided<AmiSource>>> amiSources = new TreeMap<>();

    /** An extension and the plugin that provides it. */
    public record Provided<T>(T extension, String pluginId, String source) {
    }

    /** A started plugin's class loader, which reads the resources of its jar, such as fragments. */
    public record PluginClassLoader(String pluginId, String source, ClassLoader classLoader) {
    }

    private PluginCatalog(JarPluginManager manager) {
        this.manager = manager;
    }

    /** Loads the plugins in {@code roots} (folders of jars; missing folders are skipped) and the class path. */
    public static PluginCatalog load(List<Path> roots) {
        return load(roots, true);
    }

    /**
     * Loads the plugins in {@code roots}, and the extensions on the class path when {@code searchClassPath}
     * is true. Searching the class path reads the index of every jar on it, which an installed distribution,
     * whose class path contains no plugins, can skip.
     */
    public static PluginCatalog load(List<Path> roots, boolean searchClassPath) {
        long start = System.nanoTime();
        JarPluginManager manager = searchClassPath ? new RootlessJarPluginManager() : new FolderOnlyPluginManager();
        manager.setSystemVersion(EcsgenVersion.release());
        PluginCatalog catalog = new PluginCatalog(manager);
        Map<String, String> failedJars = new LinkedHashMap<>();
        List<Path> jars = jarsIn(roots);
        for (Path jar : jars) {
            try {
                manager.loadPlugin(jar);
            } catch (RuntimeException e) {
                failedJars.put(jar.toString(), loadFailure(manager, jar, e));
            }
        }
        manager.startPlugins();
        catalog.collect(null, CLASS_PATH, "");
        // PF4J keeps its plugins in a hash map, whose order varies, so they are sorted into the order
        // their jars were loaded.
        List<PluginWrapper> loaded = new ArrayList<>(manager.getPlugins());
        loaded.sort(java.util.Comparator.comparingInt((PluginWrapper plugin) -> jars.indexOf(plugin.getPluginPath()))
                .thenComparing(PluginWrapper::getPluginId));
        for (PluginWrapper plugin : loaded) {
            catalog.describe(plugin);
        }
        failedJars.forEach((jar, reason) ->
                catalog.plugins.add(new PluginInfo(Path.of(jar).getFileName().toString(), "", jar, "failed", List.of(), reason)));
        LOG.info("Loaded {} plugins from {} in {} ms", manager.getPlugins().size(), roots,
                (System.nanoTime() - start) / 1_000_000);
        return catalog;
    }

    private static List<Path> jarsIn(List<Path> roots) {
        List<Path> jars = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                LOG.info("Plugin folder {} does not exist; skipped", root);
                continue;
            }
            try (Stream<Path> entries = Files.list(root)) {
                entries.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                LOG.warn("Cannot list plugin folder {}: {}", root, e.getMessage());
            }
        }
        return jars;
    }

    private void describe(PluginWrapper plugin) {
        String source = plugin.getPluginPath().toString();
        String id = plugin.getPluginId();
        String version = plugin.getDescriptor().getVersion();
        if (plugin.getPluginState() == PluginState.FAILED) {
            plugins.add(new PluginInfo(id, version, source, "failed", List.of(), reason(plugin.getFailedException())));
            return;
        }
        if (plugin.getPluginState() != PluginState.STARTED) {
            String requires = plugin.getDescriptor().getRequires();
            String failure = "requires ecsgen " + requires + ", but this is ecsgen " + EcsgenVersion.release()
                    + ": install a version of the plugin built for this ecsgen";
            plugins.add(new PluginInfo(id, version, source, "disabled", List.of(), failure));
            return;
        }
        collect(id, source, version);
    }

    /** Adds the extensions of one plugin ({@code null} for the class path), recording a failure instead of throwing. */
    private void collect(String pluginId, String source, String version) {
        List<String> names = new ArrayList<>();
        String failure = null;
        try {
            for (RegistryAuthRenderer renderer : create(RegistryAuthRenderer.class, pluginId)) {
                String type = renderer.type();
                registries.computeIfAbsent(type, key -> new ArrayList<>()).add(new Provided<>(renderer, label(pluginId), source));
                names.add("registry " + type);
            }
            for (AmiSource ami : create(AmiSource.class, pluginId)) {
                String id = ami.id();
                amiSources.computeIfAbsent(id, key -> new ArrayList<>()).add(new Provided<>(ami, label(pluginId), source));
                names.add("ami " + id);
            }
        } catch (ExtensionCreationException e) {
            failure = e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            failure = "an extension failed to start: " + reason(e);
        }
        if (pluginId == null && names.isEmpty() && failure == null) {
            return;
        }
        plugins.add(new PluginInfo(label(pluginId), version, source, failure == null ? "started" : "failed", names, failure));
    }

    /**
     * Creates the extensions of one plugin. PF4J's {@code getExtensions} logs and skips an extension whose
     * constructor throws, which would list a broken plugin as started. Creating them here lets that error reach
     * the caller.
     */
    private <T> List<T> create(Class<T> type, String pluginId) {
        List<T> extensions = new ArrayList<>();
        for (Class<? extends T> extensionClass : manager.getExtensionClasses(type, pluginId)) {
            try {
                extensions.add(manager.getExtensionFactory().create(extensionClass));
            } catch (RuntimeException | LinkageError e) {
                throw new ExtensionCreationException("extension " + extensionClass.getName()
                        + " could not be created: " + rootMessage(e) + ": report this to the plugin's author or"
                        + " remove the jar from the plugin folders");
            }
        }
        return extensions;
    }

    /** An extension whose constructor failed, with the message to show. */
    private static final class ExtensionCreationException extends RuntimeException {
        ExtensionCreationException(String message) {
            super(message);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String label(String pluginId) {
        return pluginId == null ? CLASS_PATH : pluginId;
    }

    /**
     * Explains why PF4J could not load a jar. PF4J's own messages for a jar that is not a zip file, or that has
     * no plugin descriptor in its manifest, name neither cause, so the jar is inspected here.
     */
    private static String loadFailure(JarPluginManager manager, Path jar, RuntimeException e) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException notJar) {
            return "not a readable jar file (" + notJar.getMessage() + "): replace it with the plugin's jar or"
                    + " remove it from the plugin folder";
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Plugin-Id") == null) {
            return "not an ecsgen plugin, because its manifest has no Plugin-Id: a plugin jar needs the manifest"
                    + " entries Plugin-Id, Plugin-Version and Plugin-Requires, so rebuild it with them or remove it"
                    + " from the plugin folder";
        }
        String id = manifest.getMainAttributes().getValue("Plugin-Id");
        PluginWrapper first = manager.getPlugin(id);
        if (first != null && !first.getPluginPath().equals(jar)) {
            // PF4J's own message for this case prints its internal plugin record.
            return "has the plugin id '" + id + "', which " + first.getPluginPath() + " already has: remove one of"
                    + " the two jars from the plugin folders";
        }
        return reason(e);
    }

    private static String reason(Throwable e) {
        if (e == null) {
            return "unknown reason";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    /** Returns every plugin with its state, in load order. */
    public List<PluginInfo> plugins() {
        return Collections.unmodifiableList(plugins);
    }

    /** Returns the class loaders of the started plugin jars, sorted by plugin id so that layering is repeatable. */
    public List<PluginClassLoader> pluginClassLoaders() {
        return manager.getPlugins().stream()
                .filter(plugin -> plugin.getPluginState() == PluginState.STARTED)
                .map(plugin -> new PluginClassLoader(plugin.getPluginId(), plugin.getPluginPath().toString(),
                        plugin.getPluginClassLoader()))
                .sorted(java.util.Comparator.comparing(PluginClassLoader::pluginId))
                .toList();
    }

    /** Returns the registry renderers by type; a type with two providers is a conflict the caller reports. */
    public Map<String, List<Provided<RegistryAuthRenderer>>> registries() {
        return Collections.unmodifiableMap(registries);
    }

    /** Returns the AMI sources by id; an id with two providers is a conflict the caller reports. */
    public Map<String, List<Provided<AmiSource>>> amiSources() {
        return Collections.unmodifiableMap(amiSources);
    }

    @Override
    public void close() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }

    /**
     * A PF4J jar plugin manager with no default plugins folder: PF4J would otherwise read
     * {@code ./plugins} relative to the working directory, which in a source checkout contains sources.
     */
    private static class RootlessJarPluginManager extends JarPluginManager {
        @Override
        protected List<Path> createPluginsRoot() {
            return List.of();
        }

        /** Enables every plugin found; PF4J's default reads enabled.txt and disabled.txt from a plugins root. */
        @Override
        protected PluginStatusProvider createPluginStatusProvider() {
            return new PluginStatusProvider() {
                @Override
                public boolean isPluginDisabled(String pluginId) {
                    return false;
                }

                @Override
                public void disablePlugin(String pluginId) {
                    throw new UnsupportedOperationException("ecsgen does not disable plugins; remove the jar instead");
                }

                @Override
                public void enablePlugin(String pluginId) {
                    // Every plugin is enabled already.
                }
            };
        }
    }

    /**
     * A plugin manager that finds extensions in plugin jars only. PF4J's finder also looks up
     * every {@code META-INF/extensions.idx} on the class path, which opens each jar there. PF4J calls
     * {@link #createExtensionFinder()} from its constructor, so this is a subclass rather than a flag.
     */
    private static final class FolderOnlyPluginManager extends RootlessJarPluginManager {
        @Override
        protected ExtensionFinder createExtensionFinder() {
            LegacyExtensionFinder finder = new LegacyExtensionFinder(this) {
                @Override
                public Map<String, Set<String>> readClasspathStorages() {
                    return new LinkedHashMap<>();
                }
            };
            addPluginStateListener(finder);
            return finder;
        }
    }
}
