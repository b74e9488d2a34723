package dev.ecsgen.engine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.resolve.IntrinsicResolver;
import dev.ecsgen.engine.resolve.PseudoParameters;
import dev.ecsgen.engine.testing.Golden;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares the preview of every generated example with its golden text in golden/preview. */
class PreviewGoldenTest {
    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    static Stream<Arguments> specs() {
        return PreviewSpecs.all().stream().map(spec -> Arguments.of(PreviewSpecs.name(spec), spec));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void previewMatchesGolden(String name, Path spec) {
        Golden.assertMatches(golden(name), preview(spec, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void maskedPreviewHidesNoEchoValues(String name, Path spec) {
        JsonNode template = PreviewSpecs.generate(plugins, spec);
        Map<String, String> values = PreviewSpecs.parameterValues(template, Map.of());
        String text = preview(spec, false);
        template.path("Parameters").properties().forEach(parameter -> {
            if (parameter.getValue().path("NoEcho").asBoolean() && parameter.getKey().endsWith("Password")) {
                assertThat(text).as("masked preview of %s", name).doesNotContain(values.get(parameter.getKey()));
            }
        });
        assertThat(preview(spec, false)).as("second run").isEqualTo(text);
    }

    private static String preview(Path spec, boolean showSecrets) {
        JsonNode template = PreviewSpecs.generate(plugins, spec);
        Map<String, String> values = PreviewSpecs.parameterValues(template, Map.of());
        assertThat(new IntrinsicResolver(template, values, PseudoParameters.defaults()).validateParameters()).isEmpty();
        return InstancePreview.build(template, values, PseudoParameters.defaults()).render(showSecrets);
    }

    private static Path golden(String name) {
        return Golden.projectDir().resolve("core/engine/src/test/resources/golden/preview/" + name + ".txt");
    }
}
