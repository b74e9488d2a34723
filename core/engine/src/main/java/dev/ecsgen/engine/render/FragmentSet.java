package dev.ecsgen.engine.render;

import dev.ecsgen.engine.Utf8Text;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fragments in effect after layering: for each relative path, the file of the first layer that
 * has it. Layers are given highest first: each {@code --fragments} folder, then
 * {@code ECSGEN_FRAGMENTS}, then plugin fragments, then the built-ins.
 */
public final class FragmentSet {
    private final List<FragmentLayer> layers;
    private final Map<String, FragmentSource> effective = new LinkedHashMap<>();

    /** One fragment name with the source in effect and the sources it hides. */
    public record Entry(FragmentSource source, List<FragmentSource> overridden) {
    }

    public FragmentSet(List<FragmentLayer> layers) {
        this.layers = List.copyOf(layers);
        FragmentLayer builtIn = layers.get(layers.size() - 1);
        for (String name : builtIn.sources().keySet()) {
            effective.put(name, find(name));
        }
        TreeSet<String> added = new TreeSet<>();
        for (FragmentLayer layer : layers) {
            added.addAll(layer.sources().keySet());
        }
        for (String name : added) {
            effective.putIfAbsent(name, find(name));
        }
    }

    private FragmentSource find(String name) {
        for (FragmentLayer layer : layers) {
            FragmentSource source = layer.sources().get(name);
            if (source != null) {
                return source;
            }
        }
        throw new IllegalArgumentException("no layer has " + name);
    }

    /** Returns the fragments to render, in render order: built-in order first, then added names sorted. */
    public List<FragmentSource> fragments() {
        return effective.values().stream().filter(source -> !source.isLibrary()).toList();
    }

    /** Returns every fragment and library with the sources it overrides, for {@code fragments list}. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, FragmentSource> entry : effective.entrySet()) {
            List<FragmentSource> hidden = new ArrayList<>();
            for (FragmentLayer layer : layers) {
                FragmentSource source = layer.sources().get(entry.getKey());
                if (source != null && source != entry.getValue()) {
                    hidden.add(source);
                }
            }
            entries.add(new Entry(entry.getValue(), hidden));
        }
        return entries;
    }

    public List<FragmentLayer> layers() {
        return layers;
    }

    /** Returns a FreeMarker loader that serves each name from the layer in effect. */
    TemplateLoader templateLoader() {
        return new TemplateLoader() {
            @Override
            public Object findTemplateSource(String name) {
                return effective.get(name);
            }

            @Override
            public long getLastModified(Object templateSource) {
                return -1;
            }

            @Override
            public Reader getReader(Object templateSource, String encoding) throws IOException {
                // Decoded strictly: a lenient reader turns bad bytes into replacement characters, and the
                // fragment then fails later as output that is not JSON, which hides the cause.
                try (InputStream in = ((FragmentSource) templateSource).open()) {
                    return new StringReader(Utf8Text.decode(in.readAllBytes()));
                } catch (Utf8Text.NotUtf8Exception e) {
                    throw new IOException("the file is not UTF-8 text at line " + e.where().substring(1)
                            .replace(":", ", column ") + " (byte " + e.badByte() + "); save it as UTF-8", e);
                }
            }

            @Override
            public void closeTemplateSource(Object templateSource) {
                // Each reader is closed by FreeMarker; nothing else is held open.
            }
        };
    }
}
