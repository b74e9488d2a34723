package dev.ecsgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Breaks a valid spec at a random place (a wrong type, a missing or unknown key, an out-of-range number, odd
 * Unicode such as NUL or right-to-left marks, a very long string or deep nesting), runs {@code ecsgen generate -o}
 * in process, and checks that it fails with one block of error lines that names the spec file and a line, with no
 * Java stack trace or exception class and no output file.
 */
class SpecMutationPropertiesTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern LOCATION = Pattern.compile("error: .*mutated\\.(yaml|json):\\d+(:\\d+)?: .*");
    private static final Pattern JAVA_NAMES = Pattern.compile("(?s).*(\\tat |Exception\\b|java\\.lang|com\\.fasterxml|org\\.yaml).*");
    private static final String BASE = """
            name: web
            description: "A cluster"
            cluster: {instanceType: t3.micro, minSize: 0, maxSize: 4, desiredCapacity: 1}
            registries:
              - {type: quay, auth: agent}
              - {type: selfhosted, host: "registry.example.com:5000", auth: task}
            tasks:
              - name: app
                containers:
                  - name: web
                    image: quay.io/team/web:1.0
                    memory: 256
                    environment: {MODE: production}
                    portMappings: [{containerPort: 80, hostPort: 80}]
                  - name: worker
                    image: registry.example.com:5000/team/worker:2.0
                service: {desiredCount: 1}
            tags: {team: platform}
            """;
    /** Values that no field of the spec accepts at any position where a mutation puts them. */
    private static final List<String> ODD_TEXT = List.of("nul\u0000byte", "rtl\u202eoverride", "isolate\u2066mark",
            "x".repeat(70_000), "line\nbreak\u0007bell");

    @Property(tries = 3000, seed = "424242")
    void mutatedSpecFailsCleanly(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int seed) throws Exception {
        Random random = new Random(seed);
        ObjectNode spec = (ObjectNode) YAML.readTree(BASE);
        String kind = mutate(spec, random);
        boolean json = random.nextInt(4) == 0;
        Path folder = Files.createTempDirectory("ecsgen-mutation");
        try {
            Path file = folder.resolve(json ? "mutated.json" : "mutated.yaml");
            String text = json ? spec.toPrettyString() : YAML.writeValueAsString(spec);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Path output = folder.resolve("out.json");

            CliRun run = CliRun.of("generate", "-q", "-o", output.toString(), file.toString());

            assertThat(run.exitCode()).as("exit code after %s; stderr: %s", kind, run.err()).isIn(1, 2);
            assertThat(run.out()).as("stdout after %s", kind).isEmpty();
            assertThat(output).as("output after %s", kind).doesNotExist();
            List<String> lines = run.err().lines().toList();
            assertThat(lines).as("stderr after %s", kind).isNotEmpty();
            assertThat(lines.get(0)).as("first line after %s", kind).matches(LOCATION);
            assertThat(lines).as("one block of error lines after %s", kind)
                    .allSatisfy(line -> assertThat(line).matches("(error: |  ).*"));
            assertThat(run.err()).as("stderr after %s", kind).doesNotMatch(JAVA_NAMES);
            assertThat(run.err()).as("stderr after %s", kind).doesNotContain("\u0000", "\u202e", "\u2066");
        } finally {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Applies one random mutation to a random node and returns a description of it. */
    private static String mutate(ObjectNode spec, Random random) {
        List<String> pointers = new ArrayList<>();
        collect(spec, "", pointers);
        String pointer = pointers.get(random.nextInt(pointers.size()));
        String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode parent = parentPointer.isEmpty() ? spec : spec.at(parentPointer);
        JsonNode replacement;
        int choice = random.nextInt(8);
        switch (choice) {
            case 0 -> replacement = JsonNodeFactory.instance.booleanNode(random.nextBoolean());
            // A fraction is neither a whole number nor text: the loader coerces no float to either.
            case 1 -> replacement = JsonNodeFactory.instance.numberNode(random.nextBoolean() ? -1.5 : 99_999_999.5);
            case 2 -> replacement = JsonNodeFactory.instance.textNode(ODD_TEXT.get(random.nextInt(ODD_TEXT.size())));
            case 3 -> replacement = JsonNodeFactory.instance.arrayNode().add("a");
            case 4 -> replacement = JsonNodeFactory.instance.objectNode().put("unexpected", true);
            case 5 -> replacement = deep(60);
            case 6 -> {
                if (parent instanceof ObjectNode object) {
                    object.put("unknownKey" + random.nextInt(100), "x");
                    return "unknown key beside " + pointer;
                }
                replacement = JsonNodeFactory.instance.nullNode();
            }
            default -> {
                if (parent instanceof ObjectNode object && isRequired(key)) {
                    object.remove(key);
                    return "removed " + pointer;
                }
                replacement = JsonNodeFactory.instance.textNode("\u202e" + parent.path(key).asText());
            }
        }
        if (parent instanceof ObjectNode object) {
            object.set(key, replacement);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), replacement);
        }
        return "mutation " + choice + " at " + pointer;
    }

    /** Returns whether removing the key leaves the spec invalid; other keys have defaults. */
    private static boolean isRequired(String key) {
        return List.of("name", "tasks", "containers", "image", "type", "host").contains(key);
    }

    /**
     * Collects the pointer of every value whose every replacement makes the spec invalid: each scalar, and each
     * object or list except where a replacement could stay valid by chance.
     */
    private static void collect(JsonNode node, String pointer, List<String> pointers) {
        if (!pointer.isEmpty() && !pointer.endsWith("/description") && !pointer.endsWith("/environment/MODE")
                && !pointer.endsWith("/tags/team") && !pointer.matches(".*/(essential|private|keyName|publicIp)")) {
            pointers.add(pointer);
        }
        if (node.isObject()) {
            node.properties().forEach(entry -> collect(entry.getValue(), pointer + "/" + entry.getKey(), pointers));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, pointers);
            }
        }
    }

    private static JsonNode deep(int depth) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }
}
