package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.plugin.PluginInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled plugins are on this module's test class path, as an embedding program's would be. */
class ClassPathPluginsTest {
    @Test
    void classPathExtensionsLoadWhenSearched() {
        try (PluginCatalog catalog = PluginCatalog.load(List.of(), true)) {
            assertThat(catalog.plugins()).extracting(PluginInfo::id).containsExactly("(class path)");
            assertThat(catalog.registries()).containsKeys("dockerhub", "quay", "selfhosted");
        }
    }

    @Test
    void classPathSkippedWhenNotSearched() {
        try (PluginCatalog catalog = PluginCatalog.load(List.of(), false)) {
            assertThat(catalog.plugins()).isEmpty();
            assertThat(catalog.registries()).isEmpty();
            assertThat(catalog.amiSources()).isEmpty();
        }
    }
}
