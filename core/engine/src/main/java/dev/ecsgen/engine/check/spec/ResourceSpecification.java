package dev.ecsgen.engine.check.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudFormation resource specification: which resource types exist, which properties and attributes they
 * have, and which types the property values must have.
 *
 * <p>Reads the JSON format that AWS publishes as {@code CloudFormationResourceSpecification.json} and that the
 * {@code @aws-cdk/cfnspec} package ships as {@code spec/specification.json}. Type names in {@code Type} and
 * {@code ItemType} are resolved when loading: first as a property type of the same resource type, such as
 * {@code AWS::ECS::Service.DeploymentConfiguration}, then as a shared one, such as {@code Tag}.
 */
public final class ResourceSpecification {
    private final String version;
    private final Map<String, ResourceTypeSpec> resourceTypes;
    private final Map<String, PropertyTypeSpec> propertyTypes;

    private ResourceSpecification(
            String version, Map<String, ResourceTypeSpec> resourceTypes, Map<String, PropertyTypeSpec> propertyTypes) {
        this.version = version;
        this.resourceTypes = Map.copyOf(resourceTypes);
        this.propertyTypes = Map.copyOf(propertyTypes);
    }

    /**
     * Loads a specification file.
     *
     * @throws IOException              if the file cannot be read or is not JSON
     * @throws IllegalArgumentException if the JSON lacks {@code ResourceTypes} or {@code PropertyTypes}
     */
    public static ResourceSpecification load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a specification from a stream; see {@link #load(Path)} for the errors. */
    public static ResourceSpecification read(InputStream in) throws IOException {
        return fromJson(new ObjectMapper().readTree(in));
    }

    /**
     * Builds a specification from its parsed JSON.
     *
     * @throws IllegalArgumentException if {@code ResourceTypes} or {@code PropertyTypes} is missing or not an object
     */
    public static ResourceSpecification fromJson(JsonNode root) {
        JsonNode resourceTypesNode = requireObject(root, "ResourceTypes");
        JsonNode propertyTypesNode = requireObject(root, "PropertyTypes");
        TypeParser parser = new TypeParser(propertyTypesNode);

        Map<String, PropertyTypeSpec> propertyTypes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = propertyTypesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode definition = entry.getValue();
            String owner = ownerOf(name);
            Optional<ValueType> aliasedType = definition.has("Properties")
                    ? Optional.empty()
                    : Optional.of(parser.parse(owner, definition));
            propertyTypes.put(name, new PropertyTypeSpec(name, parser.properties(owner, definition), aliasedType));
        }

        Map<String, ResourceTypeSpec> resourceTypes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resourceTypesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode definition = entry.getValue();
            Map<String, ValueType> attributes = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> attrs = definition.path("Attributes").fields(); attrs.hasNext(); ) {
                Map.Entry<String, JsonNode> attribute = attrs.next();
                attributes.put(attribute.getKey(), parser.parse(name, attribute.getValue()));
            }
            resourceTypes.put(name, new ResourceTypeSpec(name, parser.properties(name, definition), attributes));
        }

        String version = root.path("ResourceSpecificationVersion").asText("unknown");
        return new ResourceSpecification(version, resourceTypes, propertyTypes);
    }

    /** Returns {@code ResourceSpecificationVersion}, or {@code unknown} when the file has none. */
    public String version() {
        return version;
    }

    /** Looks up a resource type such as {@code AWS::ECS::Service}. */
    public Optional<ResourceTypeSpec> resourceType(String name) {
        return Optional.ofNullable(resourceTypes.get(name));
    }

    /** Looks up a property type by its qualified name, as {@link ValueType.Struct} carries it. */
    public Optional<PropertyTypeSpec> propertyType(String qualifiedName) {
        return Optional.ofNullable(propertyTypes.get(qualifiedName));
    }

    /** Returns the names of all resource types. */
    public Set<String> resourceTypeNames() {
        return resourceTypes.keySet();
    }

    private static JsonNode requireObject(JsonNode root, String field) {
        JsonNode node = root == null ? null : root.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    "invalid resource specification: missing object '" + field + "' at the top level");
        }
        return node;
    }

    /** Returns {@code AWS::ECS::Service} for {@code AWS::ECS::Service.DeploymentConfiguration}, and "" for {@code Tag}. */
    private static String ownerOf(String propertyTypeName) {
        int dot = propertyTypeName.indexOf('.');
        return dot < 0 ? "" : propertyTypeName.substring(0, dot);
    }

    /** Turns the type fields of one property or attribute definition into a {@link ValueType}. */
    private static final class TypeParser {
        private final JsonNode propertyTypes;

        TypeParser(JsonNode propertyTypes) {
            this.propertyTypes = propertyTypes;
        }

        Map<String, PropertySpec> properties(String owner, JsonNode definition) {
            Map<String, PropertySpec> properties = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = definition.path("Properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode property = entry.getValue();
                boolean required = property.path("Required").asBoolean(false);
                properties.put(entry.getKey(), new PropertySpec(entry.getKey(), required, parse(owner, property)));
            }
            return properties;
        }

        ValueType parse(String owner, JsonNode definition) {
            List<ValueType> alternatives = new ArrayList<>();
            String type = definition.path("Type").asText(null);
            if ("List".equals(type)) {
                alternatives.add(new ValueType.ListOf(itemType(owner, definition)));
            } else if ("Map".equals(type)) {
                alternatives.add(new ValueType.MapOf(itemType(owner, definition)));
            } else if (type != null) {
                alternatives.add(struct(owner, type));
            }
            primitive(definition.path("PrimitiveType").asText(null)).ifPresent(alternatives::add);

            // The AWS::Serverless entries list alternatives instead of one type.
            for (JsonNode name : definition.path("PrimitiveTypes")) {
                primitive(name.asText()).ifPresent(alternatives::add);
            }
            for (JsonNode name : definition.path("Types")) {
                alternatives.add(struct(owner, name.asText()));
            }
            if (type == null) {
                List<ValueType> listItems = itemAlternatives(owner, definition);
                if (!listItems.isEmpty()) {
                    alternatives.add(new ValueType.ListOf(oneOf(listItems)));
                }
            }
            return oneOf(alternatives);
        }

        private ValueType itemType(String owner, JsonNode definition) {
            List<ValueType> items = new ArrayList<>();
            primitive(definition.path("PrimitiveItemType").asText(null)).ifPresent(items::add);
            String itemType = definition.path("ItemType").asText(null);
            if (itemType != null) {
                items.add(struct(owner, itemType));
            }
            items.addAll(itemAlternatives(owner, definition));
            return oneOf(items);
        }

        private List<ValueType> itemAlternatives(String owner, JsonNode definition) {
            List<ValueType> items = new ArrayList<>();
            for (String field : List.of("PrimitiveItemTypes", "InclusivePrimitiveItemTypes")) {
                for (JsonNode name : definition.path(field)) {
                    primitive(name.asText()).ifPresent(items::add);
                }
            }
            for (String field : List.of("ItemTypes", "InclusiveItemTypes")) {
                for (JsonNode name : definition.path(field)) {
                    items.add(struct(owner, name.asText()));
                }
            }
            return items;
        }

        private ValueType.Struct struct(String owner, String name) {
            String qualified = owner.isEmpty() ? name : owner + "." + name;
            if (propertyTypes.has(qualified) || !propertyTypes.has(name)) {
                return new ValueType.Struct(qualified);
            }
            return new ValueType.Struct(name);
        }

        private static Optional<ValueType> primitive(String name) {
            return name == null ? Optional.empty() : PrimitiveType.fromSpecName(name).map(ValueType.Primitive::new);
        }

        private static ValueType oneOf(List<ValueType> alternatives) {
            List<ValueType> distinct = alternatives.stream().distinct().toList();
            if (distinct.isEmpty()) {
                return new ValueType.Any();
            }
            return distinct.size() == 1 ? distinct.get(0) : new ValueType.OneOf(distinct);
        }
    }
}
