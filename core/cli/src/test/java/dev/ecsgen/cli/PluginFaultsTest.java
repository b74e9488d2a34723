package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loads one plugin folder full of broken plugins next to a working one and checks that each fault is reported
 * once, naming the plugin or jar and the fix, without a stack trace, while the working plugins still generate.
 *
 * <p>Each faulty plugin is a real jar, compiled here, whose registry type names its fault.
 */
class PluginFaultsTest {
    @TempDir
    static Path temp;

    private static Path pluginDir;
    private static String previousHome;

    @BeforeAll
    static void buildPlugins() throws Exception {
        previousHome = System.getProperty("ecsgen.home");
        Path home = Files.createDirectories(temp.resolve("home/plugins")).getParent();
        System.setProperty("ecsgen.home", home.toString());
        pluginDir = Files.createDirectories(temp.resolve("plugins"));

        plugin("good", "good", ">=0.1.0", "", describe("Good", "good.example.com"), "");
        plugin("throws-describe", "throwsdescribe", ">=0.1.0", "",
                "throw new IllegalStateException(\"describe failed on purpose\");", "");
        plugin("throws-contribute", "throwscontribute", ">=0.1.0", "", describe("Tc", "tc.example.com"),
                "throw new IllegalStateException(\"contribute failed on purpose\");");
        plugin("null-descriptor", "nulldescriptor", ">=0.1.0", "", "return null;", "");
        plugin("bad-id", "badid", ">=0.1.0", "", describe("Bad Id!", "badid.example.com"), "");
        plugin("null-contribution", "nullcontribution", ">=0.1.0", "", describe("Nc", "nc.example.com"),
                "return null;");
        plugin("quote-key", "quotekey", ">=0.1.0", "",
                "return new RegistryDescriptor(\"Qk\", \"qk.example.com\\\"x\", Set.of(\"qk.example.com\"));", "");
        plugin("bad-variable", "badvariable", ">=0.1.0", "", describe("Bv", "bv.example.com"),
                "return new RegistryContribution(Map.of(), Map.of(), AgentAuthEntry.fromExpression(\"bv.example.com\","
                        + " \"X\\\"; touch pwned; \\\"\", Map.of(\"Ref\", \"AWS::Region\")), null, List.of(), List.of());");
        plugin("throws-constructor", "throwsconstructor", ">=0.1.0",
                "throw new IllegalStateException(\"constructor failed on purpose\");", describe("Ctor", "ctor.example.com"), "");
        plugin("future", "future", ">=9.0.0", "", describe("Future", "future.example.com"), "");
        plugin("twin-a", "twin", ">=0.1.0", "", describe("TwinA", "twin.example.com"), "");
        plugin("twin-b", "twin", ">=0.1.0", "", describe("TwinB", "twin.example.com"), "");
        // A second jar with the id of an earlier one; PF4J loads only the first.
        plugin("good", "goodagain", ">=0.1.0", "", describe("Again", "again.example.com"), "", "zz-good-copy.jar");
        PluginJars.writeCorruptJar(pluginDir.resolve("corrupt.jar"));
        PluginJars.writeJarWithoutDescriptor(pluginDir.resolve("no-descriptor.jar"));
    }

    @AfterAll
    static void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("ecsgen.home");
        } else {
            System.setProperty("ecsgen.home", previousHome);
        }
    }

    @Test
    void pluginsListsEveryFault() {
        CliRun run = CliRun.of("plugins", "--plugins", pluginDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("good +1\\.0\\.0 +started +registry good"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("future +1\\.0\\.0 +disabled +-"));
        assertThat(lines).contains("    " + pluginDir.resolve("future.jar") + ": requires ecsgen >=9.0.0, but this is"
                + " ecsgen 0.1.0: install a version of the plugin built for this ecsgen");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("throws-constructor +1\\.0\\.0 +failed +-"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .isEqualTo("    " + pluginDir.resolve("throws-constructor.jar") + ": extension"
                        + " test.faults.throwsconstructorjar.FaultyRegistry could not be created: constructor failed on"
                        + " purpose: report this to the plugin's author or remove the jar from the plugin folders"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("zz-good-copy\\.jar +- +failed +-"));
        assertThat(lines).contains("    " + pluginDir.resolve("zz-good-copy.jar") + ": has the plugin id 'good', which "
                + pluginDir.resolve("good.jar") + " already has: remove one of the two jars from the plugin folders");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("corrupt\\.jar +- +failed +-"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("no-descriptor\\.jar +- +failed +-"));
        assertThat(lines).contains("conflict: registry type 'twin' is provided by twin-a (" + pluginDir.resolve("twin-a.jar")
                + ") and twin-b (" + pluginDir.resolve("twin-b.jar") + "); a spec that uses it fails until one is removed");
        assertThat(run.out()).doesNotContain("\tat ", "Exception:");
    }

    @Test
    void workingPluginStillGenerates() throws IOException {
        Path output = temp.resolve("good.json");

        CliRun run = CliRun.of("generate", "--plugins", pluginDir.toString(), "-o", output.toString(), spec("good"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(output).exists();
        assertThat(Files.readString(output)).contains("good.example.com");
        List<String> warnings = run.err().lines().toList();
        assertThat(warnings).hasSize(5);
        assertThat(run.err()).doesNotContain("java.lang", "PluginWrapper");
        assertThat(warnings).allSatisfy(line -> assertThat(line).startsWith("warning: plugin "));
        assertThat(warnings).contains("warning: plugin future (" + pluginDir.resolve("future.jar") + ") is disabled:"
                + " requires ecsgen >=9.0.0, but this is ecsgen 0.1.0: install a version of the plugin built for this ecsgen");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "throwsdescribe|1|plugin throws-describe (JAR) failed in describe or contribute: IllegalStateException: describe failed on purpose: report this to the plugin's author or remove it from the plugin folders",
        "throwscontribute|1|plugin throws-contribute (JAR) failed in describe or contribute: IllegalStateException: contribute failed on purpose: report this to the plugin's author or remove it from the plugin folders",
        "nulldescriptor|1|plugin null-descriptor (JAR) returned no descriptor (null) from describe: report this to the plugin's author or remove it from the plugin folders",
        "badid|1|plugin bad-id (JAR) failed in describe or contribute: IllegalArgumentException: invalid logical id 'Bad Id!': expected a letter then up to 63 letters or digits: report this to the plugin's author or remove it from the plugin folders",
        "nullcontribution|1|plugin null-contribution (JAR) returned no contribution (null) from contribute: report this to the plugin's author or remove it from the plugin folders",
        "badvariable|1|plugin bad-variable (JAR) returned the agent auth variable 'X\"; touch pwned; \"', which is not a letter followed by up to 63 letters or digits from contribute: report this to the plugin's author or remove it from the plugin folders",
    })
    void faultyPluginFailsWithOneMessage(String type, int exitCode, String message) throws IOException {
        Path output = temp.resolve(type + ".json");

        CliRun run = CliRun.of("generate", "--plugins", pluginDir.toString(), "-q", "-o", output.toString(), spec(type));

        String jar = pluginDir.resolve(type.replace("throws", "throws-").replace("null", "null-")
                .replace("badid", "bad-id").replace("badvariable", "bad-variable") + ".jar").toString();
        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.err()).isEqualTo("error: " + message.replace("JAR", jar) + "\n");
        assertThat(output).doesNotExist();
    }

    @Test
    void keyWithQuoteIsRejected() throws IOException {
        Path output = temp.resolve("quotekey.json");

        CliRun run = CliRun.of("generate", "--plugins", pluginDir.toString(), "-q", "-o", output.toString(), spec("quotekey"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("error: ").contains("registries[0] (quotekey, plugin quote-key) has an unusable key:"
                + " ECS_ENGINE_AUTH_DATA key 'qk.example.com\"x'");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(output).doesNotExist();
    }

    @Test
    void typeOfTwoPluginsNamesBothJars() throws IOException {
        Path spec = Path.of(spec("twin"));

        CliRun run = CliRun.of("generate", "--plugins", pluginDir.toString(), "-q", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + spec + ":3:11: registry type 'twin' is provided by more than one"
                + " plugin: twin-a (" + pluginDir.resolve("twin-a.jar") + ") and twin-b (" + pluginDir.resolve("twin-b.jar")
                + "): remove one of them from the plugin folders\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"throwsconstructor", "future"})
    void typeOfUnloadedPluginIsUnknown(String type) throws IOException {
        Path spec = Path.of(spec(type));

        CliRun run = CliRun.of("generate", "--plugins", pluginDir.toString(), spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        String plugin = type.equals("future") ? "future" : "throws-constructor";
        assertThat(run.err()).contains("warning: plugin " + plugin + " (" + pluginDir.resolve(plugin + ".jar") + ")");
        assertThat(run.err()).contains("error: " + spec + ":3:11: invalid value '" + type + "' for registries[0].type:"
                + " expected one of the registry types the loaded plugins provide: ");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    private static String spec(String type) throws IOException {
        Path spec = temp.resolve(type + ".yaml");
        Files.writeString(spec, """
                name: faults
                registries:
                  - type: %s
                tasks:
                  - name: app
                    containers:
                      - name: app
                        image: %s.example.com/team/app:1.0
                """.formatted(type, type.equals("good") ? "good" : type.replace("throws", "x")), StandardCharsets.UTF_8);
        return spec.toString();
    }

    private static String describe(String logicalId, String host) {
        return "return new RegistryDescriptor(\"" + logicalId + "\", \"" + host + "\", Set.of(\"" + host + "\"));";
    }

    private static void plugin(String id, String type, String requires, String constructor, String describe,
                               String contribute) throws Exception {
        plugin(id, type, requires, constructor, describe, contribute, id + ".jar");
    }

    /** Compiles a registry plugin whose constructor, describe and contribute run the given statements. */
    private static void plugin(String id, String type, String requires, String constructor, String describe,
                               String contribute, String jarName) throws Exception {
        String packageName = "test.faults." + jarName.replaceAll("[^a-z]", "");
        String contributeMethod = contribute.isEmpty() ? "" : """
                    @Override
                    public RegistryContribution contribute(RegistrySpec spec, RegistryDescriptor descriptor) {
                        %s
                    }
                """.formatted(contribute);
        String source = """
                package %s;

                import dev.ecsgen.api.*;
                import java.util.*;
                import org.pf4j.Extension;

                @Extension
                public class FaultyRegistry implements RegistryAuthRenderer {
                    public FaultyRegistry() {
                        %s
                    }

                    @Override
                    public String type() {
                        return "%s";
                    }

                    @Override
                    public RegistryDescriptor describe(RegistrySpec spec) {
                        %s
                    }
                %s}
                """.formatted(packageName, constructor, type, describe, contributeMethod);
        Path sources = temp.resolve("src-" + jarName);
        PluginJars.writeSource(sources, packageName, "FaultyRegistry", source);
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", "1.0.0");
        manifest.put("Plugin-Requires", requires);
        PluginJars.build(sources, temp.resolve("classes-" + jarName), pluginDir.resolve(jarName), manifest);
    }
}
