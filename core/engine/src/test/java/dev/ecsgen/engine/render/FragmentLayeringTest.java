package dev.ecsgen.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Override, addition and removal of fragments at each layer, and the order of the layers. */
class FragmentLayeringTest {
    static final String SPEC = """
            name: demo
            tasks:
              - name: web
                containers:
                  - name: app
                    image: nginx:1.27
            """;

    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    @TempDir
    Path dir;

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private JsonNode generate(List<Path> optionDirs, List<Path> environmentDirs, PluginCatalog catalog) throws IOException {
        Path spec = write(dir.resolve("spec.yaml"), SPEC);
        StackGenerator generator = new StackGenerator(catalog,
                new GenerateOptions(OutputFormat.JSON, false, optionDirs, null, environmentDirs, null));
        return generator.generate(generator.load(spec)).template();
    }

    private static String topic(String name) {
        return "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": \"" + name + "\"}}}}";
    }

    @Test
    void overrideReplacesBuiltIn() throws IOException {
        write(dir.resolve("org/outputs.ftl"), "{\"Outputs\": {\"Only\": {\"Value\": [=cfn.ref(\"Cluster\")]}}}");
        JsonNode template = generate(List.of(dir.resolve("org")), List.of(), plugins);
        assertThat(template.get("Outputs").toString()).isEqualTo("{\"Only\":{\"Value\":{\"Ref\":\"Cluster\"}}}");
    }

    @Test
    void brokenLinkOverrideIsAnError() throws IOException {
        Path link = Files.createDirectories(dir.resolve("org")).resolve("cluster.ftl");
        Files.createSymbolicLink(link, dir.resolve("missing.ftl"));
        assertThatThrownBy(() -> FragmentLayer.fromFolder("--fragments org", dir.resolve("org")))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(link + ": the fragment is a symbolic link to a missing file (--fragments org):"
                        + " fix the link or remove it");
    }

    @Test
    void fileGivenAsFolderIsNamed() throws IOException {
        Path file = write(dir.resolve("stack.json"), "{}");
        assertThatThrownBy(() -> FragmentLayer.fromFolder("--fragments stack.json", file))
                .isInstanceOf(EcsgenException.class)
                .hasMessage(file + ": is a file, not a fragments folder (--fragments stack.json):"
                        + " name the folder that holds the .ftl files");
    }

    @Test
    void firstFragmentsFolderWins() throws IOException {
        write(dir.resolve("first/extra.ftl"), topic("first"));
        write(dir.resolve("second/extra.ftl"), topic("second"));
        write(dir.resolve("environment/extra.ftl"), topic("environment"));
        List<Path> option = List.of(dir.resolve("first"), dir.resolve("second"));
        List<Path> environment = List.of(dir.resolve("environment"));

        JsonNode template = generate(option, environment, plugins);
        assertThat(template.at("/Resources/Topic/Properties/TopicName").asText()).isEqualTo("first");

        FragmentSet set = new FragmentSet(FragmentLayers.build(option, environment, null));
        FragmentSet.Entry entry = set.entries().stream().filter(e -> e.source().name().equals("extra.ftl")).findFirst().orElseThrow();
        assertThat(entry.source().layer().label()).isEqualTo("--fragments " + dir.resolve("first"));
        assertThat(entry.overridden()).extracting(source -> source.layer().label())
                .containsExactly("--fragments " + dir.resolve("second"), "ECSGEN_FRAGMENTS " + dir.resolve("environment"));
    }

    @Test
    void environmentLayerOverridesBuiltIn() throws IOException {
        write(dir.resolve("environment/header.ftl"), "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Description\": \"from the environment\"}");
        JsonNode template = generate(List.of(), List.of(dir.resolve("environment")), plugins);
        assertThat(template.get("Description").asText()).isEqualTo("from the environment");
    }

    @Test
    void addedFragmentsRenderAfterBuiltInsSorted() throws IOException {
        write(dir.resolve("org/zz.ftl"), "{}");
        write(dir.resolve("org/aa.ftl"), "{}");
        write(dir.resolve("org/sub/mm.ftl"), "{}");
        write(dir.resolve("org/README.md"), "not a fragment");
        FragmentSet set = new FragmentSet(FragmentLayers.build(List.of(dir.resolve("org")), List.of(), null));
        List<String> names = set.fragments().stream().map(FragmentSource::name).toList();
        assertThat(names).endsWith("outputs.ftl", "aa.ftl", "sub/mm.ftl", "zz.ftl");
        assertThat(names).doesNotContain("README.md", "lib/cfn.ftl");
    }

    @Test
    void addedFragmentInSubfolderSeesMacroLibrary() throws IOException {
        write(dir.resolve("org/extra/topic.ftl"), "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\","
                + " \"Properties\": {\"TopicName\": [=cfn.sub(r\"${AWS::StackName}-events\")]}}}}");
        JsonNode template = generate(List.of(dir.resolve("org")), List.of(), plugins);
        assertThat(template.at("/Resources/Topic/Properties/TopicName").toString())
                .isEqualTo("{\"Fn::Sub\":\"${AWS::StackName}-events\"}");
    }

    @Test
    void emptyObjectRemovesBuiltInOutput() throws IOException {
        write(dir.resolve("org/outputs.ftl"), "<#-- This organization exports nothing. -->\n{}\n");
        JsonNode template = generate(List.of(dir.resolve("org")), List.of(), plugins);
        assertThat(template.has("Outputs")).isFalse();
        assertThat(template.get("Resources").has("Cluster")).isTrue();
    }

    @Test
    void pluginLayerSitsBetweenFoldersAndBuiltIns() throws IOException {
        Path pluginsDir = dir.resolve("plugins");
        writePluginJar(pluginsDir.resolve("acme-fragments.jar"), "acme-fragments", Map.of(
                "index.txt", "# Fragments of the acme plugin\ntopic.ftl\nheader.ftl\n",
                "topic.ftl", topic("from-plugin"),
                "header.ftl", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Description\": \"plugin header\"}"));
        write(dir.resolve("org/topic.ftl"), topic("from-folder"));
        try (PluginCatalog catalog = PluginCatalog.load(List.of(pluginsDir))) {
            FragmentSet set = new FragmentSet(FragmentLayers.build(List.of(dir.resolve("org")), List.of(), catalog));
            assertThat(set.layers()).extracting(FragmentLayer::label)
                    .containsExactly("--fragments " + dir.resolve("org"), "plugin acme-fragments", "built-in");

            JsonNode template = generate(List.of(dir.resolve("org")), List.of(), catalog);
            assertThat(template.at("/Resources/Topic/Properties/TopicName").asText()).isEqualTo("from-folder");
            assertThat(template.get("Description").asText()).isEqualTo("plugin header");

            JsonNode withoutFolder = generate(List.of(), List.of(), catalog);
            assertThat(withoutFolder.at("/Resources/Topic/Properties/TopicName").asText()).isEqualTo("from-plugin");
        }
    }

    @Test
    void pluginWithoutFragmentsAddsNoLayer() throws IOException {
        Path pluginsDir = dir.resolve("plugins");
        writePluginJar(pluginsDir.resolve("plain.jar"), "plain", Map.of());
        try (PluginCatalog catalog = PluginCatalog.load(List.of(pluginsDir))) {
            assertThat(catalog.pluginClassLoaders()).extracting(PluginCatalog.PluginClassLoader::pluginId).contains("plain");
            FragmentSet set = new FragmentSet(FragmentLayers.build(List.of(), List.of(), catalog));
            assertThat(set.layers()).extracting(FragmentLayer::label).containsExactly("built-in");
        }
    }

    /** Writes a PF4J plugin jar without classes whose ecsgen/fragments/ folder contains {@code fragments}. */
    static void writePluginJar(Path jar, String id, Map<String, String> fragments) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", id);
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> fragment : new java.util.TreeMap<>(fragments).entrySet()) {
                out.putNextEntry(new JarEntry(FragmentLayer.PLUGIN_ROOT + fragment.getKey()));
                out.write(fragment.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
