package dev.ecsgen.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsgen.engine.write.OutputFormat;
import dev.ecsgen.engine.write.TemplateSerializer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds the JSON Schema (draft-07) of a stack spec from the spec records, so editors can complete
 * and check specs as they are typed.
 *
 * <p>Properties and their types come from the record components by reflection, and their names from
 * {@link JsonProperty} where the key differs from the component. Patterns, ranges and limits are
 * the {@link SpecValidator} constants, and the defaults of {@code cluster} and {@code ami} come from
 * their {@code defaults()} methods, so the schema follows the validator when either changes. A
 * component without an entry in {@link #PROPERTIES} makes {@link #build()} throw, so a new spec key
 * cannot be published without a description.
 *
 * <p>The schema accepts a subset of what it describes loosely: the validator also checks the image
 * grammar, that {@code maxSize >= minSize}, unique names and a description's size in UTF-8 bytes,
 * which JSON Schema cannot express or counts differently.
 */
public final class SpecSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DRAFT = "http://json-schema.org/draft-07/schema#";

    /** Description and constraints of each record component, keyed by {@code Record.component}. */
    private static final Map<String, Property> PROPERTIES = properties();

    private SpecSchema() {
    }

    /** Returns the schema as JSON text with two-space indents and a final newline. */
    public static String json() {
        return TemplateSerializer.write(build(), OutputFormat.JSON);
    }

    /** Builds the schema tree. */
    public static ObjectNode build() {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DRAFT);
        schema.put("title", "ecsgen stack spec");
        schema.put("description", "A stack spec for ecsgen: an ECS cluster on EC2, its machine image, the private"
                + " registries its containers pull from and the tasks it runs.");
        ObjectNode definitions = NODES.objectNode();
        ObjectNode root = objectSchema(StackSpec.class, definitions);
        root.remove("description");
        schema.setAll(root);
        schema.set("definitions", definitions);
        return schema;
    }

    private static ObjectNode objectSchema(Class<? extends Record> type, ObjectNode definitions) {
        ObjectNode object = NODES.objectNode();
        object.put("type", "object");
        object.put("description", recordDescription(type));
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            String key = keyOf(component);
            Property property = PROPERTIES.get(type.getSimpleName() + "." + component.getName());
            if (property == null) {
                throw new IllegalStateException("SpecSchema has no description for " + type.getSimpleName() + "."
                        + component.getName() + ": add it to SpecSchema.PROPERTIES");
            }
            ObjectNode typeSchema = valueSchema(component.getGenericType(), definitions);
            ObjectNode value = NODES.objectNode();
            value.put("description", property.description());
            if (typeSchema.has("$ref")) {
                // draft-07 ignores the siblings of $ref, so the reference goes into allOf.
                value.putArray("allOf").add(typeSchema);
            } else {
                value.setAll(typeSchema);
            }
            property.constraints().accept(value);
            properties.set(key, value);
            if (property.required()) {
                required.add(key);
            }
        }
        if (!required.isEmpty()) {
            object.set("required", required);
        }
        object.put("additionalProperties", false);
        return object;
    }

    private static ObjectNode valueSchema(Type type, ObjectNode definitions) {
        if (type == String.class) {
            return typed("string");
        }
        if (type == Integer.class) {
            return typed("integer");
        }
        if (type == Boolean.class) {
            return typed("boolean");
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            ObjectNode array = typed("array");
            array.set("items", valueSchema(generic.getActualTypeArguments()[0], definitions));
            return array;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            ObjectNode map = typed("object");
            map.set("additionalProperties", valueSchema(generic.getActualTypeArguments()[1], definitions));
            return map;
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            String name = record.getSimpleName();
            if (!definitions.has(name)) {
                definitions.putObject(name);
                definitions.set(name, objectSchema(record.asSubclass(Record.class), definitions));
            }
            ObjectNode reference = NODES.objectNode();
            reference.put("$ref", "#/definitions/" + name);
            return reference;
        }
        throw new IllegalStateException("SpecSchema cannot describe the spec type " + type.getTypeName());
    }

    private static ObjectNode typed(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return node;
    }

    private static String keyOf(RecordComponent component) {
        // @JsonProperty on a record component lands on the accessor, not on the component itself.
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    private static String recordDescription(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "StackSpec" -> "A stack spec.";
            case "ClusterSpec" -> "The Auto Scaling group of EC2 container instances.";
            case "AmiSection" -> "The machine image of the container instances.";
            case "RegistryEntry" -> "A private registry and how its credentials reach an image pull.";
            case "TaskSpec" -> "A task definition and the service that runs it.";
            case "ContainerSpec" -> "A container definition.";
            case "PortMapping" -> "A port mapping in bridge network mode.";
            case "ServiceSpec" -> "The ECS service that keeps the task running.";
            default -> throw new IllegalStateException("SpecSchema has no description for " + type.getSimpleName());
        };
    }

    /**
     * The schema text of one record component.
     *
     * @param description what the key sets, shown by editors on hover
     * @param required    whether the key must be present
     * @param constraints adds patterns, ranges, enums and defaults to the value's schema
     */
    private record Property(String description, boolean required, Consumer<ObjectNode> constraints) {
    }

    private static Map<String, Property> properties() {
        ClusterSpec cluster = ClusterSpec.defaults();
        AmiSection ami = AmiSection.defaults();
        Map<String, Property> table = new LinkedHashMap<>();

        table.put("StackSpec.name", required("Prefix of resource names and tags: a letter, then up to 63 letters,"
                + " digits and '-'.", pattern(SpecValidator.STACK_NAME)));
        table.put("StackSpec.description", optional("Description of the generated template; at most "
                + SpecValidator.MAX_DESCRIPTION_BYTES + " bytes in UTF-8.",
                node -> node.put("maxLength", SpecValidator.MAX_DESCRIPTION_BYTES)));
        table.put("StackSpec.cluster", optional("The container instances; every key has a default.", node -> { }));
        table.put("StackSpec.ami", optional("The machine image; the default is the ECS-optimized Amazon Linux 2023 AMI.",
                node -> { }));
        table.put("StackSpec.registries", optional("The private registries whose credentials the stack carries.",
                node -> { }));
        table.put("StackSpec.tasks", required("The task definitions, each with an optional service.",
                node -> node.put("minItems", 1)));
        table.put("StackSpec.tags", optional("Tags for every taggable resource. Keys have 1 to 128 characters and do"
                + " not start with 'aws:'; values have up to 256.", SpecSchema::tags));

        table.put("ClusterSpec.instanceType", optional("Default of the InstanceType parameter, an EC2 instance type.",
                pattern(SpecValidator.INSTANCE_TYPE).andThen(node -> node.put("default", cluster.instanceType()))));
        table.put("ClusterSpec.minSize", optional("Minimum size of the Auto Scaling group.",
                range(0, SpecValidator.MAX_ASG_SIZE).andThen(node -> node.put("default", cluster.minSize()))));
        table.put("ClusterSpec.maxSize", optional("Maximum size of the Auto Scaling group; at least minSize.",
                range(1, SpecValidator.MAX_ASG_SIZE).andThen(node -> node.put("default", cluster.maxSize()))));
        table.put("ClusterSpec.desiredCapacity", optional("Default of the DesiredCapacity parameter; from minSize to maxSize.",
                range(0, SpecValidator.MAX_ASG_SIZE).andThen(node -> node.put("default", cluster.desiredCapacity()))));
        table.put("ClusterSpec.keyName", optional("true adds an optional KeyName parameter for SSH access.",
                node -> node.put("default", cluster.keyName())));
        table.put("ClusterSpec.publicIp", optional("false for private subnets that reach ECS through NAT or VPC endpoints.",
                node -> node.put("default", cluster.publicIp())));

        table.put("AmiSection.source", optional("Id of the AMI source plugin.",
                pattern(SpecValidator.PLUGIN_ID).andThen(node -> node.put("default", ami.source()))));
        table.put("AmiSection.variant", optional("Image variant of the source, such as al2023 (the default for"
                + " ecs-optimized).", node -> { }));
        table.put("AmiSection.file", optional("Region-to-AMI map file for the region-map source, relative to the spec.",
                node -> { }));
        table.put("AmiSection.resolve", optional("parameter: a template parameter resolved when the stack is"
                + " created or updated; launch: resolved by EC2 at each instance launch.",
                enumeration("parameter", "launch").andThen(node -> node.put("default", ami.resolve()))));
        table.put("AmiSection.pin", optional("A fixed AMI id such as ami-0123456789abcdef0.", pattern(SpecValidator.AMI_ID)));

        table.put("RegistryEntry.type", required("Id of the registry plugin, such as dockerhub, quay or selfhosted.",
                pattern(SpecValidator.PLUGIN_ID)));
        table.put("RegistryEntry.id", optional("Logical id prefix of the registry's parameters and resources.",
                pattern(SpecValidator.LOGICAL_ID)));
        table.put("RegistryEntry.host", optional("host[:port] exactly as images name the registry; required by selfhosted.",
                node -> node.put("minLength", 1)));
        table.put("RegistryEntry.auth", optional("agent: credentials in the ECS agent config of every instance;"
                + " task: RepositoryCredentials that reference a Secrets Manager secret.",
                enumeration("agent", "task").andThen(node -> node.put("default", "agent"))));
        table.put("RegistryEntry.secretArn", optional("An existing Secrets Manager secret with the keys username and"
                + " password; without it the stack creates the secret from NoEcho parameters.",
                pattern(SpecValidator.SECRET_ARN)));
        table.put("RegistryEntry.kmsKeyArn", optional("The customer-managed KMS key that encrypts secretArn.",
                pattern(SpecValidator.KMS_KEY_ARN)));

        table.put("TaskSpec.name", required("Task name: a letter, then up to 63 letters, digits and '-'. It names the"
                + " task family and the logical ids.", pattern(SpecValidator.TASK_NAME)));
        table.put("TaskSpec.containers", required("The container definitions, 1 to "
                + SpecValidator.MAX_CONTAINERS_PER_TASK + ".",
                node -> node.put("minItems", 1).put("maxItems", SpecValidator.MAX_CONTAINERS_PER_TASK)));
        table.put("TaskSpec.service", optional("The ECS service that runs the task; omit it for a task definition only.",
                node -> { }));

        table.put("ContainerSpec.name", required("Container name: 1 to 255 letters, digits, '-' and '_'.",
                pattern(SpecValidator.CONTAINER_NAME)));
        table.put("ContainerSpec.image", required("Docker image reference, [registry/]repository[:tag][@digest],"
                + " such as nginx:1.27 or quay.io/org/app:1.0.", node -> node.put("minLength", 1)));
        table.put("ContainerSpec.memory", optional("Hard memory limit in MiB.",
                range(SpecValidator.MIN_MEMORY_MIB, SpecValidator.MAX_MEMORY_MIB)
                        .andThen(node -> node.put("default", SpecValidator.DEFAULT_MEMORY_MIB))));
        table.put("ContainerSpec.cpu", optional("CPU units; 1024 is one vCPU.",
                range(0, SpecValidator.MAX_CPU_UNITS).andThen(node -> node.put("default", SpecValidator.DEFAULT_CPU_UNITS))));
        table.put("ContainerSpec.essential", optional("Whether the task stops when this container stops.",
                node -> node.put("default", true)));
        table.put("ContainerSpec.portMappings", optional("Container ports and the instance ports they are published on.",
                node -> { }));
        table.put("ContainerSpec.privateImage", optional("true makes a missing credential for the image's registry an"
                + " error instead of a warning.", node -> node.put("default", false)));
        table.put("ContainerSpec.environment", optional("Plain environment variables. Never put credentials here:"
                + " they would be visible in the task definition.", SpecSchema::environment));

        table.put("PortMapping.containerPort", required("The port the container listens on.", range(1, SpecValidator.MAX_PORT)));
        table.put("PortMapping.hostPort", optional("The instance port; omit it or use 0 for a dynamic port.",
                range(0, SpecValidator.MAX_PORT)));
        table.put("PortMapping.protocol", optional("The transport protocol.",
                enumeration("tcp", "udp").andThen(node -> node.put("default", "tcp"))));

        table.put("ServiceSpec.desiredCount", optional("How many copies of the task the service keeps running.",
                range(0, SpecValidator.MAX_SERVICE_COUNT).andThen(node -> node.put("default", 1))));
        return table;
    }

    private static Property required(String description, Consumer<ObjectNode> constraints) {
        return new Property(description, true, constraints);
    }

    private static Property optional(String description, Consumer<ObjectNode> constraints) {
        return new Property(description, false, constraints);
    }

    /** Anchors a validator pattern, which Java matches whole, because JSON Schema patterns match anywhere. */
    private static Consumer<ObjectNode> pattern(Pattern pattern) {
        return node -> node.put("pattern", "^" + pattern.pattern() + "$");
    }

    private static Consumer<ObjectNode> range(int minimum, int maximum) {
        return node -> node.put("minimum", minimum).put("maximum", maximum);
    }

    private static Consumer<ObjectNode> enumeration(String... values) {
        return node -> {
            ArrayNode allowed = node.putArray("enum");
            for (String value : values) {
                allowed.add(value);
            }
        };
    }

    private static void tags(ObjectNode node) {
        String text = "^" + SpecValidator.TAG_TEXT.pattern() + "$";
        ObjectNode names = node.putObject("propertyNames");
        names.put("minLength", 1).put("maxLength", 128).put("pattern", text);
        names.putObject("not").put("pattern", "^aws:");
        ((ObjectNode) node.get("additionalProperties")).put("maxLength", 256).put("pattern", text);
    }

    private static void environment(ObjectNode node) {
        node.putObject("propertyNames").put("pattern", "^" + SpecValidator.ENV_NAME.pattern() + "$");
    }

    /** Returns the {@code Record.component} keys of the property table, so a test can find stale entries. */
    static Set<String> describedComponents() {
        return PROPERTIES.keySet();
    }
}
