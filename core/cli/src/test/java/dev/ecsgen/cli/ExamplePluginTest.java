package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Builds the third-party plugin example in {@code examples/plugins/registry-example} the way its pom does
 * (javac with PF4J's annotation processor, then a jar whose manifest carries the pom's PF4J entries), and
 * loads it with {@code --plugins} next to a corrupt jar and a jar without a plugin descriptor.
 *
 * <p>The ecsgen home is an empty temporary folder, so no bundled plugin jar loads. The bundled plugins are
 * still on this module's test class path, where they appear as the {@code (class path)} plugin.
 */
class ExamplePluginTest {
    private static final Path EXAMPLE = projectDir().resolve("examples/plugins/registry-example");

    @TempDir
    Path temp;

    private Path pluginDir;
    private String previousHome;

    /** The output of one in-process command. */
    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void buildPluginFolder() throws Exception {
        previousHome = System.getProperty("ecsgen.home");
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        System.setProperty("ecsgen.home", home.toString());

        pluginDir = Files.createDirectories(temp.resolve("plugins"));
        buildExamplePlugin(pluginDir.resolve("registry-harbor-example-1.0.0.jar"));
        PluginJars.writeCorruptJar(pluginDir.resolve("corrupt.jar"));
        PluginJars.writeJarWithoutDescriptor(pluginDir.resolve("no-descriptor.jar"));
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("ecsgen.home");
        } else {
            System.setProperty("ecsgen.home", previousHome);
        }
    }

    @Test
    void pluginsListsExampleAndBrokenJars() {
        Run run = run("plugins", "--plugins", pluginDir.toString());

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("registry-harbor-example +1\\.0\\.0 +started +registry harbor"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("corrupt\\.jar +- +failed +-"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("no-descriptor\\.jar +- +failed +-"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("    " + pluginDir.resolve("corrupt.jar") + ": not a readable jar file (")
                .endsWith("): replace it with the plugin's jar or remove it from the plugin folder"));
        assertThat(lines).contains("    " + pluginDir.resolve("no-descriptor.jar") + ": not an ecsgen plugin,"
                + " because its manifest has no Plugin-Id: a plugin jar needs the manifest entries Plugin-Id,"
                + " Plugin-Version and Plugin-Requires, so rebuild it with them or remove it from the plugin folder");
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("conflict:"));
    }

    @Test
    void generateUsesExamplePlugin() throws IOException {
        Path spec = writeSpec("harbor.example.com:8443");
        Path output = temp.resolve("out.json");

        Run run = run("generate", "--plugins", pluginDir.toString(), "--strict", "-o", output.toString(), spec.toString());

        assertThat(run.err().lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches("warning: plugin (corrupt|no-descriptor)\\.jar \\(.*\\) failed to load: .*"));
        assertThat(run.exitCode()).isZero();
        JsonNode template = new ObjectMapper().readTree(output.toFile());
        assertThat(template.at("/Parameters/HarborUsername/NoEcho").asBoolean()).isTrue();
        assertThat(template.at("/Parameters/HarborUsername/ConstraintDescription").asText())
                .startsWith("The username, such as robot$project+name for a Harbor robot account,");
        assertThat(template.at("/Parameters/HarborPassword/NoEcho").asBoolean()).isTrue();
        String userData = template.at("/Resources/LaunchTemplate/Properties/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();
        assertThat(userData).contains("ECS_ENGINE_AUTH_DATA={\"harbor.example.com:8443\":{\"auth\":\"${HarborAuth}\"}}");
    }

    @Test
    void generateRejectsDockerHubThroughExamplePlugin() throws IOException {
        Path spec = writeSpec("docker.io");

        Run run = run("generate", "--plugins", pluginDir.toString(), "-q", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + spec + ":3:5: registries[0] (harbor, plugin registry-harbor-example)"
                + " has an unusable key: ECS_ENGINE_AUTH_DATA key 'docker.io' never matches because the agent looks"
                + " up Docker Hub images only under https://index.docker.io/v1/ (with the trailing slash), so use that"
                + " key; for Docker Hub use type dockerhub\n");
    }

    @Test
    void generateReportsInvalidHostFromExamplePlugin() throws IOException {
        Path spec = writeSpec("https://harbor.example.com");

        Run run = run("generate", "--plugins", pluginDir.toString(), "-q", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + spec + ":4:11: invalid registries[0].host: 'https://harbor.example.com'"
                + " is not a host[:port]: expected a lower-case DNS name and an optional port, with no scheme and no"
                + " path, such as harbor.example.com:8443\n");
    }

    private Path writeSpec(String host) throws IOException {
        Path spec = temp.resolve("harbor.yaml");
        Files.writeString(spec, """
                name: harbor-cluster
                registries:
                  - type: harbor
                    host: "%s"
                    auth: agent
                tasks:
                  - name: app
                    containers:
                      - name: app
                        image: %s/team/app:1.0
                        private: true
                """.formatted(host, host.replaceFirst("^https://", "")), StandardCharsets.UTF_8);
        return spec;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /**
     * Compiles the example's sources against ecsgen-api and PF4J, whose annotation processor writes
     * META-INF/extensions.idx, and packs them with the PF4J manifest entries of the example's pom.xml.
     */
    private void buildExamplePlugin(Path jar) throws IOException, URISyntaxException {
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"), StandardCharsets.UTF_8);
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("Plugin-Id", pomValue(pom, "plugin.id"));
        manifest.put("Plugin-Version", pomValue(pom, "version"));
        manifest.put("Plugin-Provider", pomValue(pom, "Plugin-Provider"));
        manifest.put("Plugin-Requires", pomValue(pom, "Plugin-Requires")
                .replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
        Path classes = temp.resolve("example-classes");
        PluginJars.build(EXAMPLE.resolve("src/main/java"), classes, jar, manifest);
        assertThat(classes.resolve("META-INF/extensions.idx")).content()
                .contains("com.example.ecsgen.harbor.HarborRegistry");
    }

    /** Returns the first {@code <name>value</name>} of the pom; the project version is the first {@code <version>}. */
    private static String pomValue(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(matcher.find()).as("pom.xml has <%s>", name).isTrue();
        return matcher.group(1).trim();
    }

    private static Path projectDir() {
        String dir = System.getProperty("ecsgen.projectDir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent().getParent();
    }
}
