package dev.ecsgen.engine;

import dev.ecsgen.engine.write.OutputFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * How to generate a stack.
 *
 * @param format                  JSON or YAML
 * @param strict                  {@code true} makes warnings errors, such as an image without credentials
 * @param fragmentDirs            {@code --fragments} folders, highest first
 * @param keepRendered            folder for each fragment's raw output, or {@code null}
 * @param environmentFragmentDirs {@code ECSGEN_FRAGMENTS} folders, below every {@code --fragments} folder
 * @param profile                 the organization profile ({@code --profile}), or {@code null}
 */
public record GenerateOptions(OutputFormat format, boolean strict, List<Path> fragmentDirs, Path keepRendered,
        List<Path> environmentFragmentDirs, Path profile) {
    public GenerateOptions {
        fragmentDirs = List.copyOf(fragmentDirs);
        environmentFragmentDirs = List.copyOf(environmentFragmentDirs);
    }

    /** Options without {@code ECSGEN_FRAGMENTS} folders and without a profile. */
    public GenerateOptions(OutputFormat format, boolean strict, List<Path> fragmentDirs, Path keepRendered) {
        this(format, strict, fragmentDirs, keepRendered, List.of(), null);
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(OutputFormat.JSON, false, List.of(), null);
    }
}
