package dev.ecsgen.engine;

import dev.ecsgen.engine.write.OutputFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * How to generate a stack.
 *
 * @param format        JSON or YAML
 * @param strict        {@code true} makes warnings errors, such as an image without credentials
 * @param fragmentDirs  {@code --fragments} folders, highest first, then {@code ECSGEN_FRAGMENTS} folders
 * @param keepRendered  folder for each fragment's raw output, or {@code null}
 */
public record GenerateOptions(OutputFormat format, boolean strict, List<Path> fragmentDirs, Path keepRendered) {
    public GenerateOptions {
        fragmentDirs = List.copyOf(fragmentDirs);
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(OutputFormat.JSON, false, List.of(), null);
    }
}
