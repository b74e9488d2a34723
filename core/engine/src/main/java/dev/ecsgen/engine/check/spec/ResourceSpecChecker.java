package dev.ecsgen.engine.check.spec;

import static dev.ecsgen.engine.check.spec.Templates.child;
import static dev.ecsgen.engine.check.spec.Templates.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the resources of a CloudFormation template against the {@link ResourceSpecification}.
 *
 * <p>Value rules. They accept the scalar conversions that CloudFormation makes when it creates a stack; the
 * {@code @aws/cloudformation-validate} 1.9.0-beta validator, for example, reports {@code "256"} for an
 * {@code Integer} as a coercion warning, not an error:
 * <ul>
 *   <li>An intrinsic function ({@code Ref}, {@code Fn::*}) is accepted wherever a value is expected, because its
 *       result is only known at deploy time. {@code Fn::If} is the exception: both branches are checked.</li>
 *   <li>{@code {"Ref": "AWS::NoValue"}} removes a property, so on a required property it counts as missing.</li>
 *   <li>{@code String} and {@code Timestamp} accept numbers and booleans too, which CloudFormation turns into
 *       strings.</li>
 *   <li>{@code Integer} and {@code Long} accept integers and strings of decimal digits such as {@code "128"};
 *       {@code Double} accepts numbers and numeric strings; {@code Boolean} accepts booleans and the strings
 *       {@code "true"} and {@code "false"} in any case. NOTE: accepting any case is an assumption, not
 *       checked against CloudFormation.</li>
 *   <li>{@code Json} accepts objects and strings.</li>
 * </ul>
 *
 * <p>Resources of type {@code Custom::*} and {@code AWS::CloudFormation::CustomResource} take any properties and
 * are not checked. Missing resources and malformed {@code Fn::If} arguments are left to the reference checks.
 */
public final class ResourceSpecChecker {
    /** A resource type that the specification does not list. */
    public static final String RULE_UNKNOWN_TYPE = "spec-unknown-type";
    /** A property that the resource type or property type does not have. */
    public static final String RULE_UNKNOWN_PROPERTY = "spec-unknown-property";
    /** A required property that is absent or removed by {@code AWS::NoValue}. */
    public static final String RULE_MISSING_PROPERTY = "spec-missing-property";
    /** A scalar value of the wrong primitive type, such as a string that is not a number for an {@code Integer}. */
    public static final String RULE_TYPE = "spec-type";
    /** A value of the wrong shape: a scalar where a list, map or object is expected, or the reverse. */
    public static final String RULE_SHAPE = "spec-shape";
    /** An {@code Fn::GetAtt} attribute, or {@code ${Resource.Attribute}} in {@code Fn::Sub}, that the type lacks. */
    public static final String RULE_UNKNOWN_ATTRIBUTE = "spec-unknown-attribute";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final ResourceSpecification specification;

    public ResourceSpecChecker(ResourceSpecification specification) {
        this.specification = Objects.requireNonNull(specification, "specification");
    }

    /**
     * Checks every resource of a template, and every {@code Fn::GetAtt} and {@code Fn::Sub} in its resources and outputs.
     *
     * @param file     the template file name to put in the findings
     * @param template the parsed template; a template without a {@code Resources} object yields no findings
     * @return the findings in template order, all of severity {@link Severity#ERROR}
     */
    public List<Finding> check(String file, JsonNode template) {
        Run run = new Run(file);
        JsonNode resources = template.path("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            checkResource(run, entry.getKey(), entry.getValue());
        }
        new AttributeReferenceChecker(specification, file).check(template, run.findings);
        return List.copyOf(run.findings);
    }

    private void checkResource(Run run, String logicalId, JsonNode resource) {
        String pointer = child("/Resources", logicalId);
        if (!resource.isObject()) {
            return;
        }
        JsonNode typeNode = resource.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            run.add(pointer, RULE_UNKNOWN_TYPE, "resource '" + logicalId + "' has no Type string");
            return;
        }
        String type = typeNode.asText();
        if (Templates.isCustomResource(type)) {
            return;
        }
        Optional<ResourceTypeSpec> typeSpec = specification.resourceType(type);
        if (typeSpec.isEmpty()) {
            run.add(child(pointer, "Type"), RULE_UNKNOWN_TYPE, "unknown resource type '" + type + "' of resource '"
                    + logicalId + "'; " + Templates.suggestion(type, specification.resourceTypeNames(), "resource types"));
            return;
        }

        Map<String, PropertySpec> properties = typeSpec.get().properties();
        JsonNode values = resource.get("Properties");
        if (values == null) {
            reportMissing(run, properties, type, pointer, Set.of());
        } else {
            checkObject(run, properties, type, values, child(pointer, "Properties"));
        }
    }

    /** Checks an object against the properties of a resource type or property type, following {@code Fn::If}. */
    private void checkObject(Run run, Map<String, PropertySpec> properties, String owner, JsonNode value, String pointer) {
        if (Templates.isFnIf(value)) {
            JsonNode branches = value.get("Fn::If");
            checkObject(run, properties, owner, branches.get(1), child(child(pointer, "Fn::If"), 1));
            checkObject(run, properties, owner, branches.get(2), child(child(pointer, "Fn::If"), 2));
            return;
        }
        if (Templates.isIntrinsic(value)) {
            return;
        }
        if (!value.isObject()) {
            run.add(pointer, RULE_SHAPE, "expected an object of type " + owner + ", got " + describe(value));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            PropertySpec property = properties.get(name);
            String propertyPointer = child(pointer, name);
            if (property == null) {
                run.add(propertyPointer, RULE_UNKNOWN_PROPERTY, "unknown property '" + name + "' of " + owner + "; "
                        + Templates.suggestion(name, properties.keySet(), "properties"));
            } else {
                checkPropertyValue(run, property, owner, entry.getValue(), propertyPointer);
            }
        }
        Set<String> present = new HashSet<>();
        value.fieldNames().forEachRemaining(present::add);
        reportMissing(run, properties, owner, pointer, present);
    }

    private static void reportMissing(
            Run run, Map<String, PropertySpec> properties, String owner, String pointer, Set<String> present) {
        properties.values().stream()
                .filter(PropertySpec::required)
                .map(PropertySpec::name)
                .filter(name -> !present.contains(name))
                .sorted()
                .forEach(name -> run.add(pointer, RULE_MISSING_PROPERTY,
                        "missing required property '" + name + "' of " + owner));
    }

    private void checkPropertyValue(Run run, PropertySpec property, String owner, JsonNode value, String pointer) {
        if (Templates.isNoValue(value)) {
            if (property.required()) {
                run.add(pointer, RULE_MISSING_PROPERTY, "required property '" + property.name() + "' of " + owner
                        + " is removed by AWS::NoValue");
            }
            return;
        }
        if (Templates.isFnIf(value)) {
            JsonNode branches = value.get("Fn::If");
            checkPropertyValue(run, property, owner, branches.get(1), child(child(pointer, "Fn::If"), 1));
            checkPropertyValue(run, property, owner, branches.get(2), child(child(pointer, "Fn::If"), 2));
            return;
        }
        checkValue(run, property.type(), value, pointer);
    }

    private void checkValue(Run run, ValueType type, JsonNode value, String pointer) {
        if (Templates.isNoValue(value)) {
            // In a list or map AWS::NoValue drops the item, which is always allowed.
            return;
        }
        if (Templates.isFnIf(value)) {
            JsonNode branches = value.get("Fn::If");
            checkValue(run, type, branches.get(1), child(child(pointer, "Fn::If"), 1));
            checkValue(run, type, branches.get(2), child(child(pointer, "Fn::If"), 2));
            return;
        }
        if (Templates.isIntrinsic(value)) {
            return;
        }
        if (type instanceof ValueType.Primitive primitive) {
            checkPrimitive(run, primitive.type(), value, pointer);
        } else if (type instanceof ValueType.Struct struct) {
            checkStruct(run, struct, value, pointer);
        } else if (type instanceof ValueType.ListOf list) {
            checkList(run, list, value, pointer);
        } else if (type instanceof ValueType.MapOf map) {
            checkMap(run, map, value, pointer);
        } else if (type instanceof ValueType.OneOf oneOf) {
            checkOneOf(run, oneOf, value, pointer);
        }
        // ValueType.Any accepts every value.
    }

    private void checkStruct(Run run, ValueType.Struct struct, JsonNode value, String pointer) {
        Optional<PropertyTypeSpec> propertyType = specification.propertyType(struct.propertyTypeName());
        if (propertyType.isEmpty()) {
            // NOTE: a type name that the specification uses but does not define is not checked.
            return;
        }
        Optional<ValueType> aliasedType = propertyType.get().aliasedType();
        if (aliasedType.isPresent()) {
            checkValue(run, aliasedType.get(), value, pointer);
            return;
        }
        checkObject(run, propertyType.get().properties(), struct.propertyTypeName(), value, pointer);
    }

    private void checkList(Run run, ValueType.ListOf list, JsonNode value, String pointer) {
        if (!value.isArray()) {
            run.add(pointer, RULE_SHAPE, "expected a " + list.describe() + ", got " + describe(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            checkValue(run, list.itemType(), value.get(i), child(pointer, i));
        }
    }

    private void checkMap(Run run, ValueType.MapOf map, JsonNode value, String pointer) {
        if (!value.isObject()) {
            run.add(pointer, RULE_SHAPE, "expected a " + map.describe() + ", got " + describe(value));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            checkValue(run, map.valueType(), entry.getValue(), child(pointer, entry.getKey()));
        }
    }

    /**
     * Accepts a value that passes any alternative. Otherwise reports the findings of the alternative of the value's
     * JSON shape (object, list or scalar) with the fewest findings, or one shape finding when no alternative has
     * that shape.
     */
    private void checkOneOf(Run run, ValueType.OneOf oneOf, JsonNode value, String pointer) {
        List<Finding> best = null;
        for (ValueType alternative : oneOf.alternatives()) {
            if (!hasShapeOf(alternative, value)) {
                continue;
            }
            Run trial = new Run(run.file);
            checkValue(trial, alternative, value, pointer);
            if (trial.findings.isEmpty()) {
                return;
            }
            if (best == null || trial.findings.size() < best.size()) {
                best = trial.findings;
            }
        }
        if (best == null) {
            run.add(pointer, RULE_SHAPE, "expected " + oneOf.describe() + ", got " + describe(value));
        } else {
            run.findings.addAll(best);
        }
    }

    /** Returns whether a value has the JSON shape of a type: an object, a list or a scalar. */
    private boolean hasShapeOf(ValueType type, JsonNode value) {
        if (type instanceof ValueType.Primitive primitive) {
            return value.isValueNode() || (primitive.type() == PrimitiveType.JSON && value.isObject());
        }
        if (type instanceof ValueType.Struct struct) {
            Optional<ValueType> aliasedType = specification.propertyType(struct.propertyTypeName())
                    .flatMap(PropertyTypeSpec::aliasedType);
            return aliasedType.map(aliased -> hasShapeOf(aliased, value)).orElse(value.isObject());
        }
        if (type instanceof ValueType.ListOf) {
            return value.isArray();
        }
        if (type instanceof ValueType.MapOf) {
            return value.isObject();
        }
        if (type instanceof ValueType.OneOf oneOf) {
            return oneOf.alternatives().stream().anyMatch(alternative -> hasShapeOf(alternative, value));
        }
        return true;
    }

    private static void checkPrimitive(Run run, PrimitiveType type, JsonNode value, String pointer) {
        if (value.isObject() || value.isArray()) {
            if (type == PrimitiveType.JSON && value.isObject()) {
                return;
            }
            run.add(pointer, RULE_SHAPE, "expected " + expected(type) + ", got " + describe(value));
            return;
        }
        if (!accepts(type, value)) {
            run.add(pointer, RULE_TYPE, "expected " + expected(type) + ", got " + describe(value));
        }
    }

    private static boolean accepts(PrimitiveType type, JsonNode value) {
        String text = value.isTextual() ? value.asText().trim() : null;
        return switch (type) {
            case STRING, TIMESTAMP -> value.isValueNode() && !value.isNull();
            case INTEGER, LONG -> value.isIntegralNumber() || (text != null && INTEGER.matcher(text).matches());
            case DOUBLE -> value.isNumber() || (text != null && DECIMAL.matcher(text).matches() && parses(text));
            case BOOLEAN -> value.isBoolean()
                    || (text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")));
            case JSON -> value.isTextual();
        };
    }

    private static boolean parses(String decimal) {
        try {
            new BigDecimal(decimal);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(PrimitiveType type) {
        return switch (type) {
            case STRING -> "a String";
            case TIMESTAMP -> "a Timestamp string";
            case INTEGER -> "an Integer (a whole number, or a string of digits)";
            case LONG -> "a Long (a whole number, or a string of digits)";
            case DOUBLE -> "a Double (a number, or a numeric string)";
            case BOOLEAN -> "a Boolean (true or false)";
            case JSON -> "a Json object or string";
        };
    }

    /** The findings of one check, in the order they were found. */
    private static final class Run {
        private final String file;
        private final List<Finding> findings = new ArrayList<>();

        Run(String file) {
            this.file = file;
        }

        void add(String pointer, String rule, String message) {
            findings.add(new Finding(file, pointer, Severity.ERROR, rule, message));
        }
    }
}
