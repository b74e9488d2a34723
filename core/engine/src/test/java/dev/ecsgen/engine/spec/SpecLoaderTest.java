package dev.ecsgen.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsgen.engine.EcsgenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecLoaderTest {
    private static final String MINIMAL = """
            name: web-cluster
            tasks:
              - name: web
                containers:
                  - name: nginx
                    image: nginx:1.27
            """;

    private final SpecLoader loader = new SpecLoader();

    private LoadedSpec parse(String text) {
        return loader.parse("spec.yaml", null, text);
    }

    private static String messageOf(Runnable action) {
        try {
            action.run();
        } catch (EcsgenException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an EcsgenException");
    }

    @Test
    void minimalSpecGetsDefaults() {
        StackSpec spec = parse(MINIMAL).spec();

        assertThat(spec.cluster()).isEqualTo(new ClusterSpec("t3.micro", 0, 4, 1, false, true));
        assertThat(spec.ami()).isEqualTo(new AmiSection("ecs-optimized", "al2023", null, "parameter", null));
        assertThat(spec.registries()).isEmpty();
        ContainerSpec container = spec.tasks().get(0).containers().get(0);
        assertThat(container.memory()).isEqualTo(128);
        assertThat(container.cpu()).isEqualTo(128);
        assertThat(container.essential()).isTrue();
        assertThat(container.privateImage()).isFalse();
    }

    @Test
    void jsonSpecLoads() {
        String json = """
                {"name": "web-cluster", "tasks": [{"name": "web", "containers": [{"name": "a", "image": "nginx"}]}]}
                """;

        assertThat(loader.parse("spec.json", null, json).spec().name()).isEqualTo("web-cluster");
    }

    @Test
    void registryAuthDefaultsToAgent() {
        LoadedSpec loaded = parse(MINIMAL + "registries:\n  - type: dockerhub\n");

        assertThat(loaded.spec().registries().get(0).auth()).isEqualTo("agent");
    }

    @Test
    void unknownKeyNamesLineColumnAndKnownKeys() {
        String message = messageOf(() -> parse(MINIMAL + "clustr: {}\n"));

        assertThat(message).isEqualTo("spec.yaml:7:1: unknown key 'clustr' in the top level: did you mean"
                + " 'cluster'? Expected one of ami, cluster, description, name, registries, tags, tasks");
    }

    @Test
    void unknownKeyFarFromAllHasNoSuggestion() {
        String message = messageOf(() -> parse(MINIMAL + "owner: platform\n"));

        assertThat(message).isEqualTo("spec.yaml:7:1: unknown key 'owner' in the top level: expected one of"
                + " ami, cluster, description, name, registries, tags, tasks");
    }

    @Test
    void quotedNumberIsRejectedWithValue() {
        String message = messageOf(() -> parse(MINIMAL.replace("image: nginx:1.27", "image: nginx:1.27\n        memory: \"256\"")));

        assertThat(message).isEqualTo("spec.yaml:7:9: invalid value '256' for tasks[0].containers[0].memory:"
                + " expected a whole number without quotes, such as 128");
    }

    @Test
    void listWhereMappingExpected() {
        String message = messageOf(() -> parse(MINIMAL + "cluster: [1, 2]\n"));

        assertThat(message).startsWith("spec.yaml:7:1: invalid value for cluster: expected a mapping of keys to values");
    }

    @Test
    void syntaxErrorNamesLine() {
        String message = messageOf(() -> parse("name: web\ntasks: [\n"));

        assertThat(message).isEqualTo("spec.yaml:3:1: invalid YAML: while parsing a flow node: expected the node content, but found '<stream end>'");
    }

    @Test
    void duplicateKeyIsRejected() {
        String message = messageOf(() -> parse(MINIMAL + "name: other\n"));

        assertThat(message).contains("spec.yaml:7:").contains("Duplicate field 'name'");
    }

    @Test
    void emptyDocumentIsRejected() {
        assertThat(messageOf(() -> parse(""))).isEqualTo("spec.yaml: the spec is empty: expected at least 'name' and 'tasks'");
    }

    @Test
    void scalarDocumentIsRejected() {
        assertThat(messageOf(() -> parse("just text\n")))
                .startsWith("spec.yaml:1:1: the spec must be a mapping of keys such as 'name' and 'tasks'");
    }

    @Test
    void everyProblemIsReportedOnce() {
        String spec = """
                name: 9lives
                cluster:
                  minSize: 5
                  maxSize: 2
                tasks:
                  - name: web
                    containers:
                      - name: bad name
                        image: Nginx
                        memory: 2
                """;

        String message = messageOf(() -> parse(spec));

        assertThat(message.split("\n")).containsExactly(
                "spec.yaml:1:7: invalid value '9lives' for name: expected a letter, then up to 63 letters, digits and '-', e.g. web-cluster",
                "spec.yaml:4:12: invalid value '2' for cluster.maxSize: expected at least minSize (5)",
                "spec.yaml:2:1: invalid value '1' for cluster.desiredCapacity: expected a number from minSize (5) to maxSize (2)",
                "spec.yaml:8:15: invalid value 'bad name' for tasks[0].containers[0].name: expected 1 to 255 letters, digits, '-' and '_', e.g. nginx",
                "spec.yaml:9:16: invalid image reference 'Nginx': repository names must be lower case, e.g. nginx:1.27 or registry.example.com:5000/team/app:1.0",
                "spec.yaml:10:17: invalid value '2' for tasks[0].containers[0].memory: expected a whole number from 6 to 1048576");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "description: \"a\\u0000b\"|description",
        "description: \"a\\u202Eb\"|U+202E",
        "tags: {\"aws:owner\": x}|invalid tag key 'aws:owner'",
        "registries: [{type: dockerhub, auth: both}]|invalid value 'both' for registries[0].auth",
        "registries: [{type: quay, secretArn: 'arn:aws:s3:::bucket'}]|invalid value 'arn:aws:s3:::bucket' for registries[0].secretArn",
        "ami: {resolve: later}|invalid value 'later' for ami.resolve",
        "ami: {pin: ami-xyz}|invalid value 'ami-xyz' for ami.pin"
    })
    void invalidValuesAreRejected(String extra, String expected) {
        assertThat(messageOf(() -> parse(MINIMAL + extra + "\n"))).contains(expected);
    }

    @Test
    void taskNamesThatCollideAsLogicalIdsAreRejected() {
        String spec = MINIMAL + """
                  - name: Web
                    containers:
                      - name: nginx
                        image: nginx
                """;

        assertThat(messageOf(() -> parse(spec))).contains("task name 'Web' gives the same logical ids as an earlier task");
    }

    @Test
    void aliasBombIsRejectedAtFirstAlias() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 30; level++) {
            bomb.append((char) ('a' + level % 26)).append(level).append(": &l").append(level).append(" [");
            String previous = level == 1 ? "*a" : "*l" + (level - 1);
            bomb.append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }

        long start = System.nanoTime();
        String message = messageOf(() -> parse(bomb.toString()));

        assertThat(message).isEqualTo("spec.yaml:2:10: YAML alias *a is not supported in a spec, because ecsgen"
                + " does not expand anchors and aliases: write the value out in full");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to reject").isLessThan(5_000);
    }

    /**
     * Jackson's YAML parser returns an alias as the text of the anchor's name, so without the check
     * {@code description: *n} would load as the description "n".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "description: *n|3:14|n",
        "tags: *n|3:7|n",
        "tags: {team: *n}|3:14|n",
    })
    void aliasOfKnownKeyIsRejected(String line, String position, String anchor) {
        String spec = "name: &n web\ntasks: [{name: app, containers: [{name: app, image: nginx}]}]\n" + line + "\n";

        assertThat(messageOf(() -> parse(spec))).isEqualTo("spec.yaml:" + position + ": YAML alias *" + anchor
                + " is not supported in a spec, because ecsgen does not expand anchors and aliases: write the value"
                + " out in full");
    }

    @Test
    void mergeKeyIsRejected() {
        String spec = """
                base: &base {memory: 256}
                name: web
                tasks:
                  - name: app
                    containers:
                      - <<: *base
                        name: app
                        image: nginx
                """;

        assertThat(messageOf(() -> parse(spec))).startsWith("spec.yaml:6:13: YAML alias *base is not supported");
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "name: x\ntags: " + "[".repeat(200) + "]".repeat(200) + "\n";

        assertThat(messageOf(() -> parse(deep))).isEqualTo("spec.yaml:2:47: the document is nested deeper than 40"
                + " levels, far deeper than any spec needs: remove the extra brackets or indentation levels");
    }

    @Test
    void oversizedFileIsRejectedBeforeParsing(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("huge.yaml");
        Files.writeString(file, "name: x\ndescription: " + "a".repeat(SpecLoader.MAX_FILE_BYTES) + "\n");

        assertThat(messageOf(() -> loader.load(file))).contains("bytes, more than the 1048576 bytes ecsgen reads");
    }

    @Test
    void yamlBooleanWhereTextIsExpectedSuggestsQuotes() {
        String message = messageOf(() -> parse(MINIMAL.replace("image: nginx:1.27", "image: nginx:1.27\n        environment:\n          ON: yes")));

        assertThat(message).endsWith("invalid value 'true' for tasks[0].containers[0].environment.ON: expected a text"
                + " value; put the value in quotes to keep it as text, as written");
    }

    @Test
    void invalidUtf8IsRejected(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(messageOf(() -> loader.load(file))).isEqualTo(file + ":1:10: the spec is not valid UTF-8 (byte 0xE9): save it"
                + " as UTF-8");
    }

    @Test
    void directoryIsRejected(@TempDir Path folder) {
        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOf(EcsgenException.class)
                .hasMessageContaining("is a directory");
    }
}
