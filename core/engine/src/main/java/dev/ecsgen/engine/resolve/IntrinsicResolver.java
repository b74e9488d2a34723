package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.ecsgen.engine.JsonPointers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the CloudFormation intrinsic functions of a template (long form, such as {@code Fn::Join}) with given
 * parameter values and pseudo parameters, the way CloudFormation would when it creates the stack.
 *
 * <p>Values that exist only after deployment become deterministic placeholders that are safe to paste into a shell
 * script: {@code Ref} to a resource returns {@code <stack name>-<logical id>}, such as {@code ecsgen-preview-Cluster},
 * {@code Fn::GetAtt} returns {@code <logical id>.<attribute>}, {@code Fn::ImportValue} returns
 * {@code import:<export name>}, and {@code Ref} to a Systems Manager parameter type returns {@code ssm:<parameter name>}.
 *
 * <p>An object with exactly one key that is {@code Ref} or starts with {@code Fn::} is a function call. Inside
 * {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not} and in the body of a {@code Conditions} entry, {@code {"Condition":
 * "Name"}} is one too. {@code Ref} to {@code AWS::NoValue} removes the enclosing object key or array element.
 *
 * <p>Errors are {@link ResolveException}s whose message starts with the JSON pointer of the failing function object.
 * {@code Fn::Cidr} and the functions of the {@code AWS::LanguageExtensions} transform are not supported.
 *
 * <p>Instances memoize condition values and are not thread-safe.
 */
public final class IntrinsicResolver {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode template;
    private final Map<String, String> parameterValues;
    private final PseudoParameters pseudo;
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    /** Conditions being evaluated, outermost first, to report a cycle as a chain of names. */
    private final LinkedHashSet<String> conditionsInProgress = new LinkedHashSet<>();
    /** Whether a parameter without a value or Default resolves to a placeholder instead of failing. */
    private boolean placeholdersForMissing;
    /** The parameters without a value or Default that resolved to a placeholder, by name. */
    private final Set<String> missingParametersUsed = new TreeSet<>();

    /**
     * @param template        the whole template, a JSON object
     * @param parameterValues values given for parameters by name. A parameter without one takes its {@code Default}.
     * @param pseudo          the values of the {@code AWS::} pseudo parameters
     */
    public IntrinsicResolver(JsonNode template, Map<String, String> parameterValues, PseudoParameters pseudo) {
        Objects.requireNonNull(template, "template");
        if (!template.isObject()) {
            throw new IllegalArgumentException("The template must be a JSON object, but it is " + describe(template) + ".");
        }
        this.template = template;
        this.parameterValues = Map.copyOf(parameterValues);
        this.pseudo = Objects.requireNonNull(pseudo, "pseudo");
    }

    /**
     * Checks the parameter values as CloudFormation does when it creates a stack: a value or {@code Default} must
     * exist, and it must satisfy the {@code Type} ({@code Number}), {@code AllowedValues}, {@code AllowedPattern}
     * (a Java regular expression that must match the whole value), {@code MinLength}/{@code MaxLength} and
     * {@code MinValue}/{@code MaxValue}. Values given for undeclared parameters are reported too. A message about a
     * {@code NoEcho} parameter never contains its value.
     *
     * @return one message per problem, empty when every value is valid
     */
    public List<String> validateParameters() {
        return new ParameterValidator(section("Parameters"), parameterValues, true).validate();
    }

    /**
     * Checks the parameter values as {@link #validateParameters()} does, except that a parameter without a value
     * or {@code Default} is not a problem. A caller that resolves only part of the template uses this with
     * {@link #placeholdersForMissingParameters()}, then reads from {@link #missingParametersUsed()} which of them
     * the part needed.
     */
    public List<String> validateGivenParameters() {
        return new ParameterValidator(section("Parameters"), parameterValues, false).validate();
    }

    /**
     * Makes {@code Ref} and {@code Fn::Sub} to a parameter without a value or {@code Default} return the
     * placeholder {@code <Name>} and record the name, instead of failing.
     *
     * @return this resolver
     */
    public IntrinsicResolver placeholdersForMissingParameters() {
        placeholdersForMissing = true;
        return this;
    }

    /** Returns the parameters without a value or {@code Default} that resolved to a placeholder, sorted by name. */
    public List<String> missingParametersUsed() {
        return List.copyOf(missingParametersUsed);
    }

    /**
     * Resolves every intrinsic function inside the value and returns a new tree, leaving the value unchanged. Error
     * paths are JSON pointers into the template when the value is an object or array of this template, and relative
     * to the value otherwise.
     *
     * @return the resolved value, or a {@link MissingNode} when the value itself resolves to {@code AWS::NoValue}
     * @throws ResolveException when a function cannot be evaluated
     */
    public JsonNode resolve(JsonNode value) {
        Objects.requireNonNull(value, "value");
        return resolveNode(value, pointerInTemplate(value), false);
    }

    /**
     * Resolves the template value at the JSON pointer, such as {@code /Resources/LaunchTemplate/Properties}.
     *
     * @throws IllegalArgumentException when the template has no value at the pointer
     * @throws ResolveException         when a function cannot be evaluated
     */
    public JsonNode resolveAt(String jsonPointer) {
        JsonNode value = template.at(jsonPointer);
        if (value.isMissingNode()) {
            throw new IllegalArgumentException("The template has no value at JSON pointer '" + jsonPointer + "'.");
        }
        return resolveNode(value, jsonPointer, false);
    }

    /**
     * Evaluates the named entry of the template's {@code Conditions} section.
     *
     * @throws ResolveException when the condition is not declared, refers to itself through other conditions, or
     *                          does not evaluate to true or false
     */
    public boolean condition(String name) {
        return evaluateCondition(name, "/Conditions");
    }

    private JsonNode resolveNode(JsonNode node, String path, boolean conditionContext) {
        if (node.isObject()) {
            String function = functionName(node, conditionContext);
            if (function != null) {
                return call(function, node.get(function), path);
            }
            // The entries of the Conditions section are condition bodies, where {"Condition": "Name"} is a call.
            boolean conditionBodies = path.equals("/Conditions");
            ObjectNode resolved = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = resolveNode(field.getValue(), child(path, field.getKey()), conditionBodies);
                if (!value.isMissingNode()) {
                    resolved.set(field.getKey(), value);
                }
            }
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolveNode(node.get(i), child(path, i), false);
                if (!value.isMissingNode()) {
                    resolved.add(value);
                }
            }
            return resolved;
        }
        // Scalar nodes are immutable, so the result may share them with the template.
        return node;
    }

    private static String functionName(JsonNode object, boolean conditionContext) {
        if (object.size() != 1) {
            return null;
        }
        String key = object.fieldNames().next();
        if (key.startsWith("Fn::") || key.equals("Ref") || (conditionContext && key.equals("Condition"))) {
            return key;
        }
        return null;
    }

    /** Evaluates one function call. The {@code path} is the JSON pointer of the object that contains the call. */
    private JsonNode call(String function, JsonNode argument, String path) {
        String argumentPath = child(path, function);
        return switch (function) {
            case "Ref" -> ref(argument, path);
            case "Fn::GetAtt" -> getAtt(argument, argumentPath, path);
            case "Fn::Sub" -> sub(argument, argumentPath, path);
            case "Fn::Join" -> join(argument, argumentPath, path);
            case "Fn::Select" -> select(argument, argumentPath, path);
            case "Fn::Split" -> split(argument, argumentPath, path);
            case "Fn::Base64" -> base64(argument, argumentPath, path);
            case "Fn::FindInMap" -> findInMap(argument, argumentPath, path);
            case "Fn::GetAZs" -> getAzs(argument, argumentPath, path);
            case "Fn::ImportValue" -> importValue(argument, argumentPath, path);
            case "Fn::If" -> ifFunction(argument, argumentPath, path);
            case "Fn::Equals" -> equalsFunction(argument, argumentPath, path);
            case "Fn::And", "Fn::Or" -> andOr(function, argument, argumentPath, path);
            case "Fn::Not" -> not(argument, argumentPath, path);
            case "Condition" -> conditionReference(argument, path);
            case "Fn::Cidr" -> throw new ResolveException(path,
                    "Fn::Cidr is not supported by the resolver. Write the CIDR blocks as literal strings to preview them.");
            default -> throw new ResolveException(path, "unknown function '" + function + "'. Supported functions are "
                    + "Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::FindInMap, "
                    + "Fn::GetAZs, Fn::ImportValue, Fn::If, Fn::Equals, Fn::And, Fn::Or and Fn::Not.");
        };
    }

    // ---- Ref and Fn::GetAtt

    private JsonNode ref(JsonNode argument, String path) {
        if (!argument.isTextual()) {
            throw new ResolveException(path, "Ref takes a logical name as a string, not " + describe(argument) + ".");
        }
        String name = argument.textValue();
        JsonNode value = refByName(name, path, "Ref");
        if (value == null) {
            throw new ResolveException(path, "Ref to unknown name '" + name + "'. Declare it under Parameters or "
                    + "Resources, or use a pseudo parameter such as AWS::Region.");
        }
        return value;
    }

    /** Returns what {@code Ref} to the name yields, or {@code null} when no parameter, resource or pseudo parameter has it. */
    private JsonNode refByName(String name, String path, String function) {
        if (name.startsWith("AWS::")) {
            return pseudoParameter(name, path, function);
        }
        JsonNode parameter = section("Parameters").get(name);
        if (parameter != null) {
            return parameterValue(name, parameter, path, function);
        }
        if (section("Resources").has(name)) {
            requireCreated(name, path, function);
            return NODES.textNode(pseudo.stackName() + "-" + name);
        }
        return null;
    }

    private JsonNode pseudoParameter(String name, String path, String function) {
        return switch (name) {
            case "AWS::Region" -> NODES.textNode(pseudo.region());
            case "AWS::AccountId" -> NODES.textNode(pseudo.accountId());
            case "AWS::Partition" -> NODES.textNode(pseudo.partition());
            case "AWS::StackName" -> NODES.textNode(pseudo.stackName());
            case "AWS::StackId" -> NODES.textNode(pseudo.stackId());
            case "AWS::URLSuffix" -> NODES.textNode(pseudo.urlSuffix());
            case "AWS::NotificationARNs" -> NODES.arrayNode();
            case "AWS::NoValue" -> MissingNode.getInstance();
            default -> throw new ResolveException(path, function + " to unknown pseudo parameter '" + name + "'.");
        };
    }

    private JsonNode parameterValue(String name, JsonNode declaration, String path, String function) {
        String value = parameterValues.containsKey(name)
                ? parameterValues.get(name)
                : ParameterTypes.defaultValue(declaration);
        if (value == null && placeholdersForMissing) {
            missingParametersUsed.add(name);
            value = "<" + name + ">";
        }
        if (value == null) {
            throw new ResolveException(path, function + " to parameter '" + name
                    + "', which has no value and no Default. Pass a value for it.");
        }
        String type = ParameterTypes.type(declaration);
        if (ParameterTypes.isSsm(type)) {
            // CloudFormation reads the value from Parameter Store at deploy time, which a preview cannot do.
            return NODES.textNode("ssm:" + value);
        }
        if (ParameterTypes.isList(type)) {
            ArrayNode members = NODES.arrayNode();
            ParameterTypes.splitList(value).forEach(members::add);
            return members;
        }
        return NODES.textNode(value);
    }

    private JsonNode getAtt(JsonNode argument, String argumentPath, String path) {
        String resource;
        String attribute;
        if (argument.isTextual() && argument.textValue().indexOf('.') > 0
                && !argument.textValue().endsWith(".")) {
            String text = argument.textValue();
            int dot = text.indexOf('.');
            resource = text.substring(0, dot);
            attribute = text.substring(dot + 1);
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            resource = argument.get(0).textValue();
            attribute = requireString(resolveNode(argument.get(1), child(argumentPath, 1), false), path,
                    "Fn::GetAtt attribute name");
        } else {
            throw new ResolveException(path, "Fn::GetAtt takes [\"Resource\", \"Attribute\"] or \"Resource.Attribute\", not "
                    + describe(argument) + ".");
        }
        return NODES.textNode(attributePlaceholder(resource, attribute, path, "Fn::GetAtt"));
    }

    private String attributePlaceholder(String resource, String attribute, String path, String function) {
        if (!section("Resources").has(resource)) {
            throw new ResolveException(path, function + " on unknown resource '" + resource + "'. Declare it under Resources.");
        }
        requireCreated(resource, path, function);
        return resource + "." + attribute;
    }

    /** Rejects a reference to a resource whose {@code Condition} is false, as CloudFormation does at deploy time. */
    private void requireCreated(String resource, String path, String function) {
        JsonNode condition = section("Resources").path(resource).get("Condition");
        if (condition != null && condition.isTextual() && !evaluateCondition(condition.textValue(), path)) {
            throw new ResolveException(path, function + " to resource '" + resource + "', which is not created because "
                    + "its Condition '" + condition.textValue() + "' is false. Guard the reference with Fn::If.");
        }
    }

    // ---- String functions

    private JsonNode sub(JsonNode argument, String argumentPath, String path) {
        String text;
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        if (argument.isTextual()) {
            text = argument.textValue();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
            text = argument.get(0).textValue();
            for (Map.Entry<String, JsonNode> variable : argument.get(1).properties()) {
                String variablePath = child(child(argumentPath, 1), variable.getKey());
                variables.put(variable.getKey(), resolveNode(variable.getValue(), variablePath, false));
            }
        } else {
            throw new ResolveException(path, "Fn::Sub takes a string or [string, {variable: value}], not "
                    + describe(argument) + ".");
        }
        return NODES.textNode(SubTemplate.substitute(text, name -> subValue(name, variables, path)));
    }

    /** Returns the text for {@code ${name}}: a variable of the map first, then a Ref or GetAtt target. */
    private String subValue(String name, Map<String, JsonNode> variables, String path) {
        JsonNode value = variables.get(name);
        if (value == null) {
            int dot = name.indexOf('.');
            if (dot > 0 && !name.startsWith("AWS::")) {
                return attributePlaceholder(name.substring(0, dot), name.substring(dot + 1), path, "Fn::Sub");
            }
            value = refByName(name, path, "Fn::Sub");
        }
        if (value == null) {
            throw new ResolveException(path, "Fn::Sub reference ${" + name + "} to unknown name '" + name
                    + "'. Declare it under Parameters or Resources, add it to the variable map, or write ${!"
                    + name + "} for the literal text.");
        }
        if (value.isMissingNode()) {
            throw new ResolveException(path, "Fn::Sub cannot insert ${" + name + "}, which resolves to AWS::NoValue.");
        }
        if (!value.isValueNode()) {
            throw new ResolveException(path, "Fn::Sub cannot insert ${" + name + "}, which resolves to "
                    + describe(value) + ". Use Fn::Join to turn a list into a string.");
        }
        return value.asText();
    }

    private JsonNode join(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new ResolveException(path, "Fn::Join takes [delimiter, list], not " + describe(argument) + ".");
        }
        if (!argument.get(0).isTextual()) {
            throw new ResolveException(path, "Fn::Join delimiter must be a literal string, not " + describe(argument.get(0)) + ".");
        }
        JsonNode list = resolveList(argument.get(1), child(argumentPath, 1), path, "Fn::Join");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            members.add(requireString(list.get(i), path, "Fn::Join list element " + i));
        }
        return NODES.textNode(String.join(argument.get(0).textValue(), members));
    }

    private JsonNode select(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new ResolveException(path, "Fn::Select takes [index, list], not " + describe(argument) + ".");
        }
        JsonNode indexNode = resolveNode(argument.get(0), child(argumentPath, 0), false);
        int index;
        if (indexNode.isIntegralNumber() && indexNode.canConvertToInt()) {
            index = indexNode.intValue();
        } else if (indexNode.isTextual() && indexNode.textValue().matches("-?[0-9]{1,9}")) {
            index = Integer.parseInt(indexNode.textValue());
        } else {
            throw new ResolveException(path, "Fn::Select index must be a whole number, not " + describe(indexNode) + ".");
        }
        JsonNode list = resolveList(argument.get(1), child(argumentPath, 1), path, "Fn::Select");
        if (index < 0 || index >= list.size()) {
            throw new ResolveException(path, "Fn::Select index " + index + " is out of range for a list of "
                    + list.size() + " elements.");
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new ResolveException(path, "Fn::Split takes [delimiter, string], not " + describe(argument) + ".");
        }
        JsonNode delimiterNode = argument.get(0);
        if (!delimiterNode.isTextual() || delimiterNode.textValue().isEmpty()) {
            throw new ResolveException(path, "Fn::Split delimiter must be a non-empty literal string, not "
                    + describe(delimiterNode) + ".");
        }
        String delimiter = delimiterNode.textValue();
        String source = requireString(resolveNode(argument.get(1), child(argumentPath, 1), false), path,
                "Fn::Split source");
        ArrayNode parts = NODES.arrayNode();
        int start = 0;
        for (int found = source.indexOf(delimiter); found >= 0; found = source.indexOf(delimiter, start)) {
            parts.add(source.substring(start, found));
            start = found + delimiter.length();
        }
        parts.add(source.substring(start));
        return parts;
    }

    private JsonNode base64(JsonNode argument, String argumentPath, String path) {
        String text = requireString(resolveNode(argument, argumentPath, false), path, "Fn::Base64 value");
        return NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode importValue(JsonNode argument, String argumentPath, String path) {
        String exportName = requireString(resolveNode(argument, argumentPath, false), path, "Fn::ImportValue export name");
        return NODES.textNode("import:" + exportName);
    }

    // ---- Lookups

    private JsonNode findInMap(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 3) {
            throw new ResolveException(path, "Fn::FindInMap takes [map name, top-level key, second-level key], not "
                    + describe(argument) + ". The DefaultValue form needs the AWS::LanguageExtensions transform, "
                    + "which the resolver does not support.");
        }
        String mapName = requireString(resolveNode(argument.get(0), child(argumentPath, 0), false), path,
                "Fn::FindInMap map name");
        String topKey = requireString(resolveNode(argument.get(1), child(argumentPath, 1), false), path,
                "Fn::FindInMap top-level key");
        String secondKey = requireString(resolveNode(argument.get(2), child(argumentPath, 2), false), path,
                "Fn::FindInMap second-level key");

        JsonNode map = section("Mappings").get(mapName);
        if (map == null) {
            throw new ResolveException(path, "Fn::FindInMap map '" + mapName + "' not found under Mappings.");
        }
        JsonNode top = map.get(topKey);
        if (top == null) {
            throw new ResolveException(path, "Fn::FindInMap key '" + topKey + "' not found in map '" + mapName + "'.");
        }
        JsonNode value = top.get(secondKey);
        if (value == null) {
            throw new ResolveException(path, "Fn::FindInMap key '" + secondKey + "' not found in map '" + mapName
                    + "' under key '" + topKey + "'.");
        }
        return value.deepCopy();
    }

    /** Returns three zones named after the region, because the real list depends on the account. */
    private JsonNode getAzs(JsonNode argument, String argumentPath, String path) {
        String region = requireString(resolveNode(argument, argumentPath, false), path, "Fn::GetAZs region");
        if (region.isEmpty()) {
            region = pseudo.region();
        }
        ArrayNode zones = NODES.arrayNode();
        for (String suffix : List.of("a", "b", "c")) {
            zones.add(region + suffix);
        }
        return zones;
    }

    // ---- Conditions

    private JsonNode ifFunction(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
            throw new ResolveException(path, "Fn::If takes [condition name, value if true, value if false], not "
                    + describe(argument) + ".");
        }
        int branch = evaluateCondition(argument.get(0).textValue(), path) ? 1 : 2;
        return resolveNode(argument.get(branch), child(argumentPath, branch), false);
    }

    private JsonNode equalsFunction(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new ResolveException(path, "Fn::Equals takes [value, value], not " + describe(argument) + ".");
        }
        JsonNode left = resolveNode(argument.get(0), child(argumentPath, 0), false);
        JsonNode right = resolveNode(argument.get(1), child(argumentPath, 1), false);
        // CloudFormation compares scalars as strings, so 8 equals "8".
        boolean equal = left.isValueNode() && right.isValueNode()
                ? left.asText().equals(right.asText())
                : left.equals(right);
        return NODES.booleanNode(equal);
    }

    private JsonNode andOr(String function, JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
            throw new ResolveException(path, function + " takes a list of 2 to 10 conditions, not " + describe(argument) + ".");
        }
        boolean isAnd = function.equals("Fn::And");
        boolean result = isAnd;
        // Every operand is evaluated, without short-circuit, so that errors in any of them are reported.
        for (int i = 0; i < argument.size(); i++) {
            boolean operand = requireBoolean(resolveNode(argument.get(i), child(argumentPath, i), true), path,
                    function + " operand " + i);
            result = isAnd ? result && operand : result || operand;
        }
        return NODES.booleanNode(result);
    }

    private JsonNode not(JsonNode argument, String argumentPath, String path) {
        if (!argument.isArray() || argument.size() != 1) {
            throw new ResolveException(path, "Fn::Not takes a list of one condition, not " + describe(argument) + ".");
        }
        boolean operand = requireBoolean(resolveNode(argument.get(0), child(argumentPath, 0), true), path, "Fn::Not operand");
        return NODES.booleanNode(!operand);
    }

    private JsonNode conditionReference(JsonNode argument, String path) {
        if (!argument.isTextual()) {
            throw new ResolveException(path, "Condition takes a condition name as a string, not " + describe(argument) + ".");
        }
        return NODES.booleanNode(evaluateCondition(argument.textValue(), path));
    }

    /** Evaluates a {@code Conditions} entry once and memoizes it. The {@code path} is where the name is referenced. */
    private boolean evaluateCondition(String name, String path) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        if (conditionsInProgress.contains(name)) {
            List<String> chain = new ArrayList<>();
            boolean inCycle = false;
            for (String inProgress : conditionsInProgress) {
                inCycle = inCycle || inProgress.equals(name);
                if (inCycle) {
                    chain.add(inProgress);
                }
            }
            chain.add(name);
            throw new ResolveException(path, "Condition cycle " + String.join(" -> ", chain)
                    + ". A condition must not depend on itself.");
        }
        JsonNode body = section("Conditions").get(name);
        if (body == null) {
            throw new ResolveException(path, "Condition '" + name + "' not found under Conditions.");
        }

        conditionsInProgress.add(name);
        boolean value;
        try {
            String bodyPath = child("/Conditions", name);
            value = requireBoolean(resolveNode(body, bodyPath, true), bodyPath, "Condition '" + name + "'");
        } finally {
            conditionsInProgress.remove(name);
        }
        conditionValues.put(name, value);
        return value;
    }

    // ---- Helpers

    /** Resolves a list argument, which may be a literal array or a function that returns one. */
    private JsonNode resolveList(JsonNode node, String nodePath, String path, String function) {
        JsonNode list = resolveNode(node, nodePath, false);
        if (!list.isArray()) {
            throw new ResolveException(path, function + " needs a list, but its argument resolves to " + describe(list) + ".");
        }
        return list;
    }

    private static String requireString(JsonNode value, String path, String role) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new ResolveException(path, role + " must be a string, but it resolves to " + describe(value) + ".");
    }

    private static boolean requireBoolean(JsonNode value, String path, String role) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new ResolveException(path, role + " must evaluate to true or false, but it resolves to "
                + describe(value) + ".");
    }

    private JsonNode section(String name) {
        JsonNode section = template.get(name);
        return section != null && section.isObject() ? section : NODES.objectNode();
    }

    /** Returns the JSON pointer of a container node of the template, or "" when the value is not part of it. */
    private String pointerInTemplate(JsonNode value) {
        if (!value.isContainerNode()) {
            return "";
        }
        Map<JsonNode, String> pointers = new IdentityHashMap<>();
        collectPointers(template, "", pointers);
        return pointers.getOrDefault(value, "");
    }

    private static void collectPointers(JsonNode node, String path, Map<JsonNode, String> pointers) {
        if (!node.isContainerNode()) {
            return;
        }
        pointers.putIfAbsent(node, path);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectPointers(field.getValue(), child(path, field.getKey()), pointers);
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                collectPointers(node.get(i), child(path, i), pointers);
            }
        }
    }

    private static String child(String path, String key) {
        return JsonPointers.child(path, key);
    }

    private static String child(String path, int index) {
        return JsonPointers.child(path, index);
    }

    /** Describes a value for an error message, cut to about 80 characters. */
    private static String describe(JsonNode value) {
        if (value.isMissingNode()) {
            return "AWS::NoValue";
        }
        if (value.isNull()) {
            return "null";
        }
        String text = value.toString();
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        if (value.isObject()) {
            return "an object " + text;
        }
        if (value.isArray()) {
            return "a list " + text;
        }
        if (value.isTextual()) {
            return "the string " + text;
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + text;
    }
}
