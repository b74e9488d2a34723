package dev.ecsgen.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.plugin.PluginInfo;
import dev.ecsgen.engine.spec.SpecLoader;
import dev.ecsgen.engine.write.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The library entry point: generates CloudFormation templates from stack specs inside another Java
 * program, with the same checks as {@code ecsgen generate}.
 *
 * <p>Plugins come from the class path (every {@code RegistryAuthRenderer} and {@code AmiSource}
 * extension found there) and from the jar folders given to {@link Builder#pluginFolder(Path)}. An
 * instance loads them once and can generate any number of specs. It is not thread-safe, and it
 * must be closed to unload plugin jars.
 *
 * <pre>{@code
 * try (Ecsgen ecsgen = Ecsgen.builder().strict(true).build()) {
 *     Ecsgen.Result result = ecsgen.generate(Path.of("stack.yaml"));
 *     Files.writeString(Path.of("stack.json"), result.text());
 * } catch (EcsgenException e) {
 *     System.err.println(e.getMessage());   // exit code in e.exitCode()
 * }
 * }</pre>
 */
public final class Ecsgen implements AutoCloseable {
    private final PluginCatalog plugins;
    private final StackGenerator generator;
    private final SpecLoader loader = new SpecLoader();

    private Ecsgen(Builder builder) {
        this.plugins = PluginCatalog.load(builder.pluginFolders);
        try {
            this.generator = new StackGenerator(plugins,
                    new GenerateOptions(builder.format, builder.strict, builder.fragmentFolders, null));
        } catch (RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    /** Returns a builder with the defaults of {@code ecsgen generate}: JSON, not strict, built-in fragments. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates the template of the spec file {@code spec}. Relative paths in the spec, such as an
     * AMI map file, are resolved against the spec's folder.
     *
     * @throws EcsgenException with {@link EcsgenException#INVALID_INPUT} for an unreadable or invalid
     *                         spec, or {@link EcsgenException#CHECK_FAILED} when the template fails a check
     */
    public Result generate(Path spec) {
        Objects.requireNonNull(spec, "spec");
        return Result.of(generator.generate(generator.load(spec)));
    }

    /**
     * Generates the template of a spec given as text. {@code name} names the spec in messages, and
     * its extension selects the parser: {@code .json} for JSON, anything else for YAML.
     *
     * <p>NOTE: a spec given as text has no folder, so a relative AMI map file cannot be found;
     * use {@link #generate(Path)} for such specs.
     *
     * @throws EcsgenException as {@link #generate(Path)} does
     */
    public Result generate(String name, String specText) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specText, "specText");
        return Result.of(generator.generate(loader.parse(name, null, specText)));
    }

    /** Returns the loaded plugins with their versions, extensions and any load failure. */
    public List<PluginInfo> plugins() {
        return plugins.plugins();
    }

    /** Stops and unloads the plugin jars. */
    @Override
    public void close() {
        plugins.close();
    }

    /** Settings of an {@link Ecsgen} instance. */
    public static final class Builder {
        private final List<Path> pluginFolders = new ArrayList<>();
        private final List<Path> fragmentFolders = new ArrayList<>();
        private OutputFormat format = OutputFormat.JSON;
        private boolean strict;

        private Builder() {
        }

        /** Also loads the plugin jars in {@code folder}, after the folders added before it. A missing folder is skipped. */
        public Builder pluginFolder(Path folder) {
            pluginFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** Adds a fragment folder that overrides and extends the built-in fragments; the first added wins. */
        public Builder fragmentFolder(Path folder) {
            fragmentFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** Sets the serialization of {@link Result#text()}; JSON by default. */
        public Builder format(OutputFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Makes warnings errors, such as an image whose registry has no credentials; off by default. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Loads the plugins and parses the fragments.
         *
         * @throws EcsgenException with {@link EcsgenException#INVALID_INPUT} when a fragment folder is invalid
         */
        public Ecsgen build() {
            return new Ecsgen(this);
        }
    }

    /**
     * A generated template.
     *
     * @param text     the template in the requested format, ending with a newline
     * @param template the template tree, the same content as {@code text}
     * @param findings check findings that did not fail the generation, such as warnings
     * @param warnings planning warnings, such as an image without credentials
     */
    public record Result(String text, JsonNode template, List<Finding> findings, List<String> warnings) {
        public Result {
            template = template.deepCopy();
            findings = List.copyOf(findings);
            warnings = List.copyOf(warnings);
        }

        private static Result of(GeneratedStack stack) {
            return new Result(stack.text(), stack.template(), stack.findings(), stack.warnings());
        }

        /** Returns a copy of the template tree, so callers may change it freely. */
        @Override
        public JsonNode template() {
            return template.deepCopy();
        }
    }
}
