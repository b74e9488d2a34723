package dev.ecsgen.engine.preview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.AgentBoot;
import dev.ecsgen.engine.testing.Golden;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack specs the preview tests run on: every {@code examples/*.yaml}, then the test-only specs in
 * {@code core/engine/src/test/resources/preview}, which cover shapes no example uses yet.
 */
final class PreviewSpecs {
    static final String TEST_SPECS = "core/engine/src/test/resources/preview";

    private PreviewSpecs() {
    }

    static List<Path> all() {
        List<Path> specs = new ArrayList<>(yamlFiles(Golden.projectDir().resolve("examples")));
        specs.addAll(yamlFiles(Golden.projectDir().resolve(TEST_SPECS)));
        return specs;
    }

    /** Returns the spec's file name without {@code .yaml}. */
    static String name(Path spec) {
        return spec.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    static JsonNode generate(PluginCatalog plugins, Path spec) {
        StackGenerator generator = new StackGenerator(plugins, new GenerateOptions(OutputFormat.JSON, false, List.of(), null));
        return generator.generate(generator.load(spec)).template();
    }

    /**
     * Returns a fixed value for every parameter that has no {@code Default}, chosen by its type and name, then the
     * overrides.
     */
    static Map<String, String> parameterValues(JsonNode template, Map<String, String> overrides) {
        return AgentBoot.parameterValues(template, overrides);
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
