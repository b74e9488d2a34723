package dev.ecsgen.engine.render;

import static dev.ecsgen.engine.render.FragmentLayeringTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.EcsgenException;
import dev.ecsgen.engine.GenerateOptions;
import dev.ecsgen.engine.GeneratedStack;
import dev.ecsgen.engine.StackGenerator;
import dev.ecsgen.engine.plugin.PluginCatalog;
import dev.ecsgen.engine.testing.ClassPathPlugins;
import dev.ecsgen.engine.write.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages of failing fragments, --keep-rendered, and spec values that JSON must escape. */
class FragmentErrorsTest {
    private static final PluginCatalog plugins = ClassPathPlugins.catalog();

    @TempDir
    Path dir;

    private GeneratedStack generate(String spec, Path keepRendered, Path... fragmentDirs) throws IOException {
        Path file = write(dir.resolve("spec.yaml"), spec);
        StackGenerator generator = new StackGenerator(plugins,
                new GenerateOptions(OutputFormat.JSON, false, List.of(fragmentDirs), keepRendered));
        // As the command line does, so every error here also passes through the parse ahead of the render.
        generator.prepareInBackground();
        return generator.generate(generator.load(file));
    }

    private GeneratedStack generate(Path... fragmentDirs) throws IOException {
        return generate(FragmentLayeringTest.SPEC, null, fragmentDirs);
    }

    @Test
    void missingValueNamesFileAndExpression() throws IOException {
        Path override = write(dir.resolve("org/cluster.ftl"), "{\n  \"Resources\": {\n    \"Cluster\": [=cluster.nope.value]\n  }\n}\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("fragment " + override + ":3:18: 'cluster.nope' is null or missing: check the name against"
                        + " 'ecsgen fragments model SPEC', or test it with cluster.nope?? or give a default with"
                        + " cluster.nope!\"\"")
                .extracting(e -> ((EcsgenException) e).exitCode()).isEqualTo(1);
    }

    @Test
    void wrongTypeNamesExpression() throws IOException {
        Path override = write(dir.resolve("org/extra.ftl"), "<#-- line 1 -->\n{\"Description\": [=tasks?c]}\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageStartingWith("fragment " + override + ":2:19: ")
                .hasMessageEndingWith("(expression: tasks)");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws IOException {
        Path override = write(dir.resolve("org/extra.ftl"), "{}\n<#if tags?has_content>\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageStartingWith("fragment " + override + ":2:23: invalid FreeMarker syntax: Unexpected end of file reached.");
    }

    @Test
    void errorInOverriddenLibraryNamesLibraryFile() throws IOException {
        Path library = write(dir.resolve("org/lib/hooks.ftl"), "<#function taskProperties task>\n  <#return {\"X\": task.nope?c}>\n</#function>\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageStartingWith("fragment " + library + ":2:18: 'task.nope' is null or missing");
    }

    @Test
    void incompleteLibraryReplacementIsNamed() throws IOException {
        Path library = write(dir.resolve("org/lib/hooks.ftl"),
                "<#function taskProperties task>\n  <#return {}>\n</#function>\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageContaining("'hooks.containerDefinition' is null or missing")
                .hasMessageContaining("; " + library + " replaces the built-in lib/hooks.ftl and defines no"
                        + " containerDefinition, so define it there too");
    }

    @Test
    void failedCheckNamesTheFragment() throws IOException {
        Path extra = write(dir.resolve("org/extra.ftl"), "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\","
                + " \"Properties\": {\"KmsMasterKeyId\": {\"Ref\": \"AlarmKey\"}}}}}\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageStartingWith("the generated template fails its checks; nothing was written:\n")
                .hasMessageContaining("AlarmKey")
                .hasMessageEndingWith(" (from fragment " + extra + ")");
    }

    @Test
    void librarySyntaxErrorNamesLibrary() throws IOException {
        // The parse ahead of the render drops this error. The render must report it at the library's own
        // line and column, not at the fragment that imports the library.
        Path library = write(dir.resolve("org/lib/hooks.ftl"), "<#function taskProperties task>\n  <#return {\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .isInstanceOf(EcsgenException.class)
                .hasMessageStartingWith("fragment " + library + ":2:13: invalid FreeMarker syntax: ");
    }

    @Test
    void nonUtf8FragmentNamesEncoding() throws IOException {
        Path override = Files.createDirectories(dir.resolve("org")).resolve("extra.ftl");
        Files.write(override, new byte[] {'{', '}', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .isInstanceOf(EcsgenException.class)
                .hasMessage("fragment " + override + ": cannot read: the file is not UTF-8 text at line 1, column 3"
                        + " (byte 0xFF); save it as UTF-8");
    }

    @Test
    void invalidJsonNamesFileAndRenderedLine() throws IOException {
        Path override = write(dir.resolve("org/outputs.ftl"), "{\n  \"Outputs\": {\n    \"Name\": {\"Value\": [=stack.name]}\n  }\n}\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessage("fragment " + override + ": rendered output is not valid JSON at rendered line 3, column 23:"
                        + " Unrecognized token 'demo': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n"
                        + "  rendered line 3: \"Name\": {\"Value\": demo}\n"
                        + "  write every value with ?c or json(...); --keep-rendered DIR keeps the full output");
    }

    @Test
    void unknownSectionIsRejected() throws IOException {
        Path override = write(dir.resolve("org/extra.ftl"), "{\"Resource\": {}}");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessage("fragment " + override + ": unknown template section 'Resource': did you mean 'Resources'?"
                        + " Expected one of AWSTemplateFormatVersion, Description, Metadata, Transform, Parameters, Rules,"
                        + " Mappings, Conditions, Resources, Outputs");
    }

    @Test
    void syntaxErrorListsExpectedTokens() throws IOException {
        Path override = write(dir.resolve("org/extra.ftl"), "<#assign x = {\"a\": 1>\n{}\n");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageMatching("fragment " + java.util.regex.Pattern.quote(override.toString())
                        + ":1:\\d+: invalid FreeMarker syntax: Encountered \">\", but was expecting one of these"
                        + " patterns: \\S.* and \\d+ more");
    }

    @Test
    void syntaxSummaryKeepsShortMessages() {
        assertThat(FragmentRenderer.syntaxSummary("Unexpected end of file reached.\nMore detail")).isEqualTo(
                "Unexpected end of file reached.");
        assertThat(FragmentRenderer.syntaxSummary("Expecting one of:\n    \"a\"\n    \"b\"\n")).isEqualTo(
                "Expecting one of: \"a\" \"b\"");
        assertThat(FragmentRenderer.syntaxSummary(null)).isEqualTo("unknown error");
    }

    @Test
    void duplicateLogicalIdNamesBothFiles() throws IOException {
        Path first = write(dir.resolve("org/a-topic.ftl"), "{\"Resources\": {\"Cluster\": {\"Type\": \"AWS::SNS::Topic\"}}}");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessage("Resources entry Cluster is defined by both built-in cluster.ftl and " + first
                        + ": rename one, or override the first fragment by giving a file the same name in a higher layer");

        Path second = write(dir.resolve("org/b-topic.ftl"), "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}");
        Files.writeString(first, "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}");
        assertThatThrownBy(() -> generate(dir.resolve("org")))
                .hasMessageContaining("Resources entry Topic is defined by both " + first + " and " + second);
    }

    @Test
    void keepRenderedKeepsEveryFragment() throws IOException {
        Path kept = dir.resolve("kept");
        write(dir.resolve("org/sub/extra.ftl"), "{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}\n");
        generate(FragmentLayeringTest.SPEC, kept, dir.resolve("org"));
        List<String> files;
        try (Stream<Path> walk = Files.walk(kept)) {
            files = walk.filter(Files::isRegularFile).map(file -> kept.relativize(file).toString()).sorted().toList();
        }
        assertThat(files).containsExactly("auto-scaling-group.json", "cluster.json", "execution-role.json", "header.json",
                "instance-role.json", "launch-template.json", "outputs.json", "parameters.json", "registry-resources.json",
                "security-group.json", "service.json", "sub/extra.json", "task-definition.json");
        assertThat(Files.readString(kept.resolve("sub/extra.json")))
                .isEqualTo("{\"Resources\": {\"Topic\": {\"Type\": \"AWS::SNS::Topic\"}}}\n");
        assertThat(Files.readString(kept.resolve("execution-role.json")).strip()).isEqualTo("{}");
    }

    @Test
    void keepRenderedKeepsOutputUpToError() throws IOException {
        Path kept = dir.resolve("kept");
        write(dir.resolve("org/extra.ftl"), "{\"Resources\": {\n[=nope]\n}}\n");
        assertThatThrownBy(() -> generate(FragmentLayeringTest.SPEC, kept, dir.resolve("org")))
                .hasMessageEndingWith("\n  the output up to the error is kept in " + kept.resolve("extra.json"));
        assertThat(Files.readString(kept.resolve("extra.json"))).isEqualTo("{\"Resources\": {\n");
        assertThat(kept.resolve("cluster.json")).exists();
    }

    @Test
    void quotesBracesInEnvironmentValueStayValidJson() throws IOException {
        String value = "say \"hi\" } {x} ${HOME} \\n [=stack.name] </script>";
        String spec = FragmentLayeringTest.SPEC + "        environment:\n          GREETING: " + new ObjectMapper().writeValueAsString(value) + "\n";
        GeneratedStack stack = generate(spec, null);
        JsonNode environment = new ObjectMapper().readTree(stack.text())
                .at("/Resources/WebTaskDefinition/Properties/ContainerDefinitions/0/Environment/0");
        assertThat(environment.get("Name").asText()).isEqualTo("GREETING");
        assertThat(environment.get("Value").asText()).isEqualTo(value);
    }

    @Test
    void newlineInDescriptionStaysValidJson() throws IOException {
        String spec = "description: \"line one\\n\\\"two\\\" }\"\n" + FragmentLayeringTest.SPEC;
        GeneratedStack stack = generate(spec, null);
        assertThat(new ObjectMapper().readTree(stack.text()).get("Description").asText()).isEqualTo("line one\n\"two\" }");
    }

    @Test
    void newlineInEnvironmentValueIsRejected() throws IOException {
        String spec = FragmentLayeringTest.SPEC + "        environment:\n          GREETING: \"a\\nb\"\n";
        assertThatThrownBy(() -> generate(spec, null))
                .hasMessage(dir.resolve("spec.yaml") + ":8:21: invalid value 'a\\u000ab' for tasks[0].containers[0].environment.GREETING:"
                        + " expected text without control characters or invisible formatting marks (found U+000A)");
    }

    @Test
    void quoteInTagValueIsRejected() throws IOException {
        String spec = FragmentLayeringTest.SPEC + "tags:\n  owner: 'a\"}'\n";
        assertThatThrownBy(() -> generate(spec, null))
                .hasMessage(dir.resolve("spec.yaml") + ":8:10: invalid value 'a\"}' for tags.owner:"
                        + " expected up to 256 letters, digits, spaces and _ . : / = + - @");
    }
}
