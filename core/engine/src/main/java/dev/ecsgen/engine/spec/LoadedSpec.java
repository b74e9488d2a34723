package dev.ecsgen.engine.spec;

import java.nio.file.Path;

/**
 * A validated spec with its defaults filled in, and where each value came from.
 *
 * @param spec    the spec
 * @param file    the spec file, or {@code null} for a spec built in memory
 * @param sources positions of keys and values, for messages about this spec
 */
public record LoadedSpec(StackSpec spec, Path file, SourceMap sources) {

    /** Returns the folder relative paths in the spec are resolved against. */
    public Path baseDir() {
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Returns {@code file:line:column} of the value at a JSON pointer such as {@code /registries/0/host}. */
    public SourceLocation locate(String pointer) {
        return sources.valueAt(pointer);
    }
}
