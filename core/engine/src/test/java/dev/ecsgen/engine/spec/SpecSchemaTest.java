package dev.ecsgen.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ecsgen.engine.testing.Golden;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SpecSchema.build());

    @Test
    void committedSchemaMatchesGenerated() {
        Golden.assertMatches(Golden.projectDir().resolve("docs/ecsgen-spec.schema.json"), SpecSchema.json());
    }

    @Test
    void everyExampleValidates() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Golden.projectDir().resolve("examples"))) {
            examples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            Set<ValidationMessage> errors = SCHEMA.validate(YAML.readTree(example.toFile()));
            assertThat(errors).as("schema errors in %s", example).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key   | name: a\\ntasks: [{name: web, containers: [{name: c, image: nginx}]}]\\nregion: eu-west-1 | $: property 'region' is not defined
            stack name with space   | name: bad name\\ntasks: [{name: web, containers: [{name: c, image: nginx}]}]          | $.name: does not match
            missing tasks           | name: a                                                                               | $: required property 'tasks' not found
            empty task list         | name: a\\ntasks: []                                                                    | $.tasks: must have at least 1 items
            memory below minimum    | name: a\\ntasks: [{name: web, containers: [{name: c, image: nginx, memory: 4}]}]       | $.tasks[0].containers[0].memory: must have a minimum value of 6
            unknown protocol        | name: a\\ntasks: [{name: web, containers: [{name: c, image: nginx, portMappings: [{containerPort: 80, protocol: sctp}]}]}] | $.tasks[0].containers[0].portMappings[0].protocol: does not have a value in the enumeration
            private as text         | name: a\\ntasks: [{name: web, containers: [{name: c, image: nginx, private: 'yes'}]}]  | $.tasks[0].containers[0].private: string found, boolean expected
            unknown auth mode       | name: a\\nregistries: [{type: quay, auth: env}]\\ntasks: [{name: web, containers: [{name: c, image: nginx}]}] | $.registries[0].auth: does not have a value in the enumeration
            tag key starting aws:   | name: a\\ntags: {'aws:owner': me}\\ntasks: [{name: web, containers: [{name: c, image: nginx}]}] | $.tags: property 'aws:owner' name is not valid
            unknown cluster key     | name: a\\ncluster: {size: 3}\\ntasks: [{name: web, containers: [{name: c, image: nginx}]}] | $.cluster: property 'size' is not defined
            eleven containers       | name: a\\ntasks: [{name: web, containers: [{name: c0, image: n}, {name: c1, image: n}, {name: c2, image: n}, {name: c3, image: n}, {name: c4, image: n}, {name: c5, image: n}, {name: c6, image: n}, {name: c7, image: n}, {name: c8, image: n}, {name: c9, image: n}, {name: c10, image: n}]}] | $.tasks[0].containers: must have at most 10 items
            """)
    void invalidSpecFailsSchema(String name, String spec, String where) throws IOException {
        Set<ValidationMessage> errors = SCHEMA.validate(YAML.readTree(spec.replace("\\n", "\n")));

        assertThat(errors).as(name).isNotEmpty();
        assertThat(errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n")))
                .as(name)
                .contains(where);
    }

    @Test
    void everyPropertyHasDescription() {
        ObjectNode schema = SpecSchema.build();
        List<String> undescribed = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> definitions = schema.get("definitions").fields();
        collectUndescribed("#", schema, undescribed);
        while (definitions.hasNext()) {
            Map.Entry<String, JsonNode> definition = definitions.next();
            assertThat(definition.getValue().path("additionalProperties").asBoolean(true))
                    .as("additionalProperties of %s", definition.getKey())
                    .isFalse();
            collectUndescribed(definition.getKey(), definition.getValue(), undescribed);
        }
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(undescribed).isEmpty();
    }

    @Test
    void propertyTableHasNoStaleEntries() {
        List<Class<? extends Record>> records = List.of(StackSpec.class, ClusterSpec.class, AmiSection.class,
                RegistryEntry.class, TaskSpec.class, ContainerSpec.class, PortMapping.class, ServiceSpec.class);
        List<String> components = new ArrayList<>();
        for (Class<? extends Record> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                components.add(record.getSimpleName() + "." + component.getName());
            }
        }

        assertThat(SpecSchema.describedComponents()).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void defaultsMatchLoader() {
        String minimal = """
                name: a
                registries: [{type: dockerhub}]
                tasks:
                  - name: web
                    containers: [{name: c, image: nginx, portMappings: [{containerPort: 80}]}]
                    service: {}
                """;
        StackSpec spec = new SpecLoader().parse("minimal.yaml", null, minimal).spec();
        TaskSpec task = spec.tasks().get(0);
        ContainerSpec container = task.containers().get(0);
        Map<String, Record> completed = Map.of(
                "ClusterSpec", spec.cluster(),
                "AmiSection", spec.ami(),
                "RegistryEntry", spec.registries().get(0),
                "TaskSpec", task,
                "ContainerSpec", container,
                "PortMapping", container.portMappings().get(0),
                "ServiceSpec", task.service());
        JsonNode definitions = SpecSchema.build().get("definitions");
        int defaults = 0;

        for (Map.Entry<String, Record> entry : completed.entrySet()) {
            JsonNode properties = definitions.get(entry.getKey()).get("properties");
            for (RecordComponent component : entry.getValue().getClass().getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String key = renamed == null ? component.getName() : renamed.value();
                JsonNode declared = properties.get(key).get("default");
                if (declared == null) {
                    continue;
                }
                defaults++;
                assertThat((JsonNode) JSON.valueToTree(read(component, entry.getValue())))
                        .as("default of %s.%s", entry.getKey(), key)
                        .isEqualTo(declared);
            }
        }
        assertThat(defaults).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AmiSection    | resolve  | ami: {resolve: VALUE}
            RegistryEntry | auth     | 'registries: [{type: quay, auth: VALUE}]'
            PortMapping   | protocol | 'tasks: [{name: web, containers: [{name: c, image: nginx, portMappings: [{containerPort: 80, protocol: VALUE}]}]}]'
            """)
    void enumsMatchValidator(String definition, String key, String fragment) {
        JsonNode allowed = SpecSchema.build().get("definitions").get(definition).get("properties").get(key).get("enum");
        String tasks = fragment.startsWith("tasks") ? "" : "\ntasks: [{name: web, containers: [{name: c, image: nginx}]}]";

        for (JsonNode value : allowed) {
            String spec = "name: a\n" + fragment.replace("VALUE", value.asText()) + tasks;
            new SpecLoader().parse("enum.yaml", null, spec);
        }
        String rejected = "name: a\n" + fragment.replace("VALUE", "other") + tasks;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpecLoader().parse("enum.yaml", null, rejected))
                .hasMessageContaining("invalid value 'other'");
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectUndescribed(String where, JsonNode object, List<String> undescribed) {
        object.path("properties").fields().forEachRemaining(property -> {
            if (!property.getValue().hasNonNull("description")) {
                undescribed.add(where + "/" + property.getKey());
            }
        });
    }
}
