package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the arguments of intrinsic functions and that functions are nested only where CloudFormation
 * accepts them, as its intrinsic function reference lists for each function:
 * <ul>
 *   <li>{@code Fn::Sub}: the template is a literal string; a variable value may use only {@link #SUB_VARIABLE_FUNCTIONS}.</li>
 *   <li>{@code Fn::Join}: the delimiter is a literal string.</li>
 *   <li>{@code Fn::FindInMap}: only {@code Ref} and {@code Fn::FindInMap} inside it.</li>
 *   <li>{@code Mappings}: literal values only ({@code mapping-literal}).</li>
 *   <li>{@code Conditions}: only condition functions, {@code Ref} to parameters and {@code Fn::FindInMap}
 *       ({@code condition-function}); outside Conditions, {@code Fn::If} is the only condition function.</li>
 * </ul>
 */
public final class IntrinsicNestingRule implements TemplateRule {
    /** Functions that CloudFormation accepts as the value of an {@code Fn::Sub} variable. */
    static final Set<String> SUB_VARIABLE_FUNCTIONS = Set.of("Fn::Base64", "Fn::FindInMap", "Fn::GetAtt",
            "Fn::GetAZs", "Fn::If", "Fn::ImportValue", "Fn::Join", "Fn::Select", "Ref");
    /** Functions that a condition may use. */
    static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::And", "Fn::Equals", "Fn::If", "Fn::Not", "Fn::Or",
            "Condition", "Ref", "Fn::FindInMap");
    /** Condition functions that only the Conditions section (and Rules) accepts. */
    private static final Set<String> CONDITION_ONLY = Set.of("Fn::And", "Fn::Equals", "Fn::Not", "Fn::Or");

    @Override
    public void check(TemplateContext context) {
        for (String section : new String[] {"Resources", "Outputs"}) {
            context.section(section).fields().forEachRemaining(field ->
                    walk(context, field.getValue(), TemplateContext.child("/" + section, field.getKey()), false));
        }
        context.section("Conditions").fields().forEachRemaining(field -> {
            String path = TemplateContext.child("/Conditions", field.getKey());
            JsonNode condition = field.getValue();
            String function = conditionFunction(condition);
            if (function == null || function.equals("Ref") || function.equals("Fn::FindInMap")) {
                context.error(path, "condition-function", "condition '" + field.getKey() + "' must be Fn::And, Fn::Equals,"
                        + " Fn::If, Fn::Not, Fn::Or or Condition, not " + describe(condition));
            }
            walk(context, condition, path, true);
        });
        context.section("Mappings").fields().forEachRemaining(field ->
                checkMapping(context, field.getValue(), TemplateContext.child("/Mappings", field.getKey())));
    }

    private static String conditionFunction(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("Condition")) {
            return "Condition";
        }
        return TemplateContext.functionName(node);
    }

    private static void checkMapping(TemplateContext context, JsonNode node, String path) {
        String function = TemplateContext.functionName(node);
        if (function != null) {
            context.error(path, "mapping-literal", "Mappings hold literal values only, not " + function
                    + "; move the function to where the value is used, such as Fn::If around Fn::FindInMap");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkMapping(context, field.getValue(), TemplateContext.child(path, field.getKey()));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            checkMapping(context, node.get(i), path + "/" + i);
        }
    }

    private void walk(TemplateContext context, JsonNode node, String path, boolean inCondition) {
        TemplateContext.forEachObject(node, path, (object, at) -> checkObject(context, object, at, inCondition));
    }

    private void checkObject(TemplateContext context, JsonNode node, String path, boolean inCondition) {
        String function = inCondition ? conditionFunction(node) : TemplateContext.functionName(node);
        if (function == null) {
            return;
        }
        JsonNode argument = node.get(function);
        String argumentPath = TemplateContext.child(path, function);
        if (inCondition) {
            checkInCondition(context, function, argument, path);
        } else if (CONDITION_ONLY.contains(function)) {
            context.error(path, "intrinsic-nesting", function + " is a condition function and works only in"
                    + " Conditions; define a condition there and use it with Fn::If");
        }
        checkArguments(context, function, argument, argumentPath);
    }

    private static void checkInCondition(TemplateContext context, String function, JsonNode argument, String path) {
        if (!CONDITION_FUNCTIONS.contains(function)) {
            context.error(path, "condition-function", function + " cannot be used in Conditions, which accept only"
                    + " Fn::And, Fn::Equals, Fn::If, Fn::Not, Fn::Or, Condition, Ref to parameters and Fn::FindInMap");
        } else if (function.equals("Ref") && argument.isTextual() && context.isResource(argument.asText())) {
            context.error(path, "condition-function", "conditions can Ref only parameters and pseudo parameters,"
                    + " not resource '" + argument.asText() + "'");
        }
    }

    private static void checkArguments(TemplateContext context, String function, JsonNode argument, String path) {
        switch (function) {
            case "Ref" -> {
                if (!argument.isTextual()) {
                    syntax(context, path, "Ref takes the literal name of a parameter or resource, not " + describe(argument));
                }
            }
            case "Condition" -> {
                if (!argument.isTextual()) {
                    syntax(context, path, "Condition takes the literal name of a condition, not " + describe(argument));
                }
            }
            case "Fn::GetAtt" -> {
                boolean dotted = argument.isTextual() && argument.asText().indexOf('.') > 0;
                boolean pair = argument.isArray() && argument.size() == 2 && argument.get(0).isTextual();
                if (!dotted && !pair) {
                    syntax(context, path, "Fn::GetAtt takes [resource, attribute] or \"resource.attribute\"");
                }
            }
            case "Fn::Sub" -> checkSub(context, argument, path);
            case "Fn::Join" -> {
                if (!argument.isArray() || argument.size() != 2) {
                    syntax(context, path, "Fn::Join takes [delimiter, [values]]");
                } else if (!argument.get(0).isTextual()) {
                    context.error(path + "/0", "intrinsic-nesting", "the Fn::Join delimiter must be a literal string, not "
                            + describe(argument.get(0)));
                }
            }
            case "Fn::FindInMap" -> checkFindInMap(context, argument, path);
            case "Fn::If" -> {
                if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
                    syntax(context, path, "Fn::If takes [condition name, value if true, value if false]");
                }
            }
            case "Fn::Select" -> {
                if (!argument.isArray() || argument.size() != 2) {
                    syntax(context, path, "Fn::Select takes [index, list]");
                }
            }
            case "Fn::Split" -> {
                if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
                    syntax(context, path, "Fn::Split takes [literal delimiter, string]");
                }
            }
            case "Fn::Equals" -> {
                if (!argument.isArray() || argument.size() != 2) {
                    syntax(context, path, "Fn::Equals takes [value, value]");
                }
            }
            case "Fn::Not" -> {
                if (!argument.isArray() || argument.size() != 1) {
                    syntax(context, path, "Fn::Not takes [condition]");
                }
            }
            case "Fn::And", "Fn::Or" -> {
                if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
                    syntax(context, path, function + " takes a list of 2 to 10 conditions");
                }
            }
            case "Fn::Cidr" -> {
                if (!argument.isArray() || argument.size() != 3) {
                    syntax(context, path, "Fn::Cidr takes [address block, count, host bits]");
                }
            }
            default -> {
            }
        }
    }

    private static void checkSub(TemplateContext context, JsonNode argument, String path) {
        JsonNode text = argument;
        if (argument.isArray()) {
            if (argument.size() != 2 || !argument.get(1).isObject()) {
                syntax(context, path, "Fn::Sub takes a string or [string, {variables}]");
                return;
            }
            text = argument.get(0);
            argument.get(1).fields().forEachRemaining(field -> {
                String function = TemplateContext.functionName(field.getValue());
                if (function != null && !SUB_VARIABLE_FUNCTIONS.contains(function)) {
                    context.error(TemplateContext.child(path + "/1", field.getKey()), "intrinsic-nesting",
                            "Fn::Sub variable '" + field.getKey() + "' uses " + function + ", which CloudFormation does not"
                                    + " accept there; use one of " + String.join(", ", SUB_VARIABLE_FUNCTIONS.stream().sorted().toList()));
                }
            });
        }
        if (!text.isTextual()) {
            context.error(argument.isArray() ? path + "/0" : path, "intrinsic-nesting",
                    "the Fn::Sub template must be a literal string, not " + describe(text));
        }
    }

    private static void checkFindInMap(TemplateContext context, JsonNode argument, String path) {
        if (!argument.isArray() || argument.size() < 3) {
            syntax(context, path, "Fn::FindInMap takes [map, top-level key, second-level key]");
            return;
        }
        for (int i = 0; i < 3; i++) {
            JsonNode part = argument.get(i);
            String function = TemplateContext.functionName(part);
            if (part.isObject() && !"Ref".equals(function) && !"Fn::FindInMap".equals(function)) {
                context.error(path + "/" + i, "intrinsic-nesting",
                        "Fn::FindInMap accepts only Ref and Fn::FindInMap inside it, not " + describe(part));
            }
        }
    }

    private static void syntax(TemplateContext context, String path, String message) {
        context.error(path, "intrinsic-syntax", message);
    }

    /** Describes a value for messages: a function by name, or the JSON type. */
    static String describe(JsonNode value) {
        String function = TemplateContext.functionName(value);
        if (function != null) {
            return function;
        }
        if (value.isObject() && value.size() == 1 && value.has("Condition")) {
            return "Condition";
        }
        return "a " + value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
