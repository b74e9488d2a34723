package dev.ecsgen.engine.render;

import dev.ecsgen.engine.EcsgenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One layer of fragments: a folder given with {@code --fragments} or {@code ECSGEN_FRAGMENTS}, the
 * fragments a plugin ships, or the built-ins. Fragments are {@code .ftl} files identified by their path
 * relative to the layer.
 */
public final class FragmentLayer {
    /** The class path folder of the built-in fragments; {@code index.txt} in it lists them in render order. */
    public static final String BUILT_IN_ROOT = "dev/ecsgen/fragments/";
    /** The folder inside a plugin jar whose {@code index.txt} lists the fragments the plugin ships. */
    public static final String PLUGIN_ROOT = "ecsgen/fragments/";
    /** The file in each layer's root that lists its fragments, one name a line. */
    private static final String INDEX = "index.txt";

    private final String label;
    private final String origin;
    private final Map<String, FragmentSource> sources = new LinkedHashMap<>();

    private FragmentLayer(String label, String origin) {
        this.label = label;
        this.origin = origin;
    }

    /** Returns how listings name the layer, such as {@code built-in} or {@code --fragments org}. */
    public String label() {
        return label;
    }

    /** Returns where the layer's resources come from, such as a plugin's jar, or {@code null} for a folder or the built-ins. */
    public String origin() {
        return origin;
    }

    /** Returns the layer's fragments and libraries by name, in the layer's order. */
    public Map<String, FragmentSource> sources() {
        return sources;
    }

    /** Reads every {@code .ftl} file below {@code folder}, in path order. */
    public static FragmentLayer fromFolder(String label, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw EcsgenException.invalidInput(folder + ": is a file, not a fragments folder (" + label
                    + "): name the folder that holds the .ftl files");
        }
        if (!Files.isDirectory(folder)) {
            throw EcsgenException.invalidInput(folder + ": fragments folder not found (" + label
                    + "): create it or correct the path");
        }
        FragmentLayer layer = new FragmentLayer(label, null);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(path -> path.toString().endsWith(".ftl")).sorted().forEach(path -> {
                if (Files.isRegularFile(path)) {
                    files.add(path);
                } else if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                    // A broken link would otherwise drop the override silently and render the built-in.
                    throw EcsgenException.invalidInput(path + ": the fragment is a symbolic link to a missing file ("
                            + label + "): fix the link or remove it");
                }
            });
        } catch (IOException e) {
            throw EcsgenException.invalidInput(folder + ": cannot read fragments folder: " + e.getMessage());
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            layer.sources.put(name, new FragmentSource(name, layer, file, null));
        }
        return layer;
    }

    /**
     * Reads the fragments a class loader contains below {@code root}, as listed in its {@code index.txt}
     * (one name a line); an index avoids scanning the class path.
     */
    public static FragmentLayer fromClassPath(String label, ClassLoader loader, String root) {
        return fromResources(label, null, loader.getResource(root + INDEX), root);
    }

    /**
     * Reads the fragments a plugin jar ships below {@link #PLUGIN_ROOT}. Only the plugin's own jar is
     * searched, so a plugin without fragments does not pick up those of the class path behind it.
     */
    public static FragmentLayer fromPlugin(String pluginId, String jar, ClassLoader loader) {
        URL index = loader instanceof URLClassLoader own
                ? own.findResource(PLUGIN_ROOT + INDEX)
                : loader.getResource(PLUGIN_ROOT + INDEX);
        return fromResources("plugin " + pluginId, jar, index, PLUGIN_ROOT);
    }

    /** Reads the fragments that {@code index} lists, from its folder; a {@code null} index means none. */
    private static FragmentLayer fromResources(String label, String origin, URL index, String root) {
        FragmentLayer layer = new FragmentLayer(label, origin);
        if (index == null) {
            return layer;
        }
        String where = origin == null ? label + " " + root + INDEX : root + INDEX + " in " + origin;
        try (InputStream in = index.openStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                URL resource = besideIndex(index, name);
                if (resource == null) {
                    throw EcsgenException.invalidInput(where + ":" + number + ": lists " + name
                            + ", which is missing: add the file or remove the line");
                }
                layer.sources.put(name, new FragmentSource(name, layer, null, resource));
            }
        } catch (IOException e) {
            throw EcsgenException.invalidInput(where + ": cannot read: " + e.getMessage());
        }
        return layer;
    }

    /**
     * Returns the URL of {@code name} in the folder of {@code index}, or {@code null} when nothing is there.
     * A layer's fragments sit beside its index. Resolving them there reads only that jar or folder, where a
     * class loader lookup of a name outside any package searches every JDK module before the class path.
     */
    private static URL besideIndex(URL index, String name) {
        try {
            URL resource = new URL(index, name);
            try (InputStream in = resource.openStream()) {
                return resource;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns the built-in fragments of the templates module. */
    public static FragmentLayer builtIn() {
        return fromClassPath("built-in", FragmentLayer.class.getClassLoader(), BUILT_IN_ROOT);
    }
}
