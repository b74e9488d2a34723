package dev.ecsgen.engine.render;

import dev.ecsgen.engine.EcsgenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
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

    private final String label;
    private final Map<String, FragmentSource> sources = new LinkedHashMap<>();

    private FragmentLayer(String label) {
        this.label = label;
    }

    /** Returns how listings name the layer, such as {@code built-in} or {@code --fragments org}. */
    public String label() {
        return label;
    }

    /** Returns the layer's fragments and libraries by name, in the layer's order. */
    public Map<String, FragmentSource> sources() {
        return sources;
    }

    /** Reads every {@code .ftl} file below {@code folder}, in path order. */
    public static FragmentLayer fromFolder(String label, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw EcsgenException.invalidInput(folder + ": fragments folder not found (" + label
                    + "): create it or correct the path");
        }
        FragmentLayer layer = new FragmentLayer(label);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".ftl")).sorted().forEach(files::add);
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
     * Reads the fragments a class loader holds below {@code root}, as listed in its {@code index.txt}
     * (one name a line); an index avoids scanning the class path.
     */
    public static FragmentLayer fromClassPath(String label, ClassLoader loader, String root) {
        FragmentLayer layer = new FragmentLayer(label);
        URL index = loader.getResource(root + "index.txt");
        if (index == null) {
            return layer;
        }
        try (InputStream in = index.openStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                URL resource = loader.getResource(root + name);
                if (resource == null) {
                    throw new IllegalStateException(root + "index.txt lists " + name + ", which is missing");
                }
                layer.sources.put(name, new FragmentSource(name, layer, null, resource));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + index + ": " + e.getMessage(), e);
        }
        return layer;
    }

    /** Returns the built-in fragments of the templates module. */
    public static FragmentLayer builtIn() {
        return fromClassPath("built-in", FragmentLayer.class.getClassLoader(), BUILT_IN_ROOT);
    }
}
