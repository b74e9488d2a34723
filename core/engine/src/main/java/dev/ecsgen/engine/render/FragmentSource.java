package dev.ecsgen.engine.render;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one fragment file's text comes from: a file in a fragments folder or a resource in a jar.
 *
 * @param name     the path relative to its layer, such as {@code cluster.ftl}; it identifies the fragment
 * @param layer    the layer it belongs to
 * @param file     the file, or {@code null} for a resource
 * @param resource the resource, or {@code null} for a file
 */
public record FragmentSource(String name, FragmentLayer layer, Path file, URL resource) {

    /**
     * Returns where the text is, for messages: the file path, or the resource's layer and name with
     * the plugin jar it comes from.
     */
    public String location() {
        if (file != null) {
            return file.toString();
        }
        return layer.label() + " " + name + (layer.origin() == null ? "" : " (in " + layer.origin() + ")");
    }

    InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : resource.openStream();
    }

    /** Returns {@code true} for macro libraries under {@code lib/}, which are imported rather than rendered. */
    public boolean isLibrary() {
        return name.startsWith("lib/");
    }
}
