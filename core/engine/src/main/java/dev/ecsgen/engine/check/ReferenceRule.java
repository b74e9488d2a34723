package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variable, {@code Fn::FindInMap}
 * map and key, condition name and {@code DependsOn} target resolves, and that intrinsic functions
 * are nested only where CloudFormation accepts them.
 */
public final class ReferenceRule implements TemplateRule {
    /** A {@code ${...}} variable of {@code Fn::Sub}; {@code ${!...}} is a literal and does not match. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    @Override
    public void check(TemplateContext context) {
        walkSection(context, "Resources");
        walkSection(context, "Outputs");
        JsonNode conditions = context.section("Conditions");
        conditions.fields().forEachRemaining(field ->
                walk(context, field.getValue(), "/Conditions/" + field.getKey(), true));
        checkResourceAttributes(context);
        checkOutputConditions(context);
    }

    private void walkSection(TemplateContext context, String section) {
        context.section(section).fields().forEachRemaining(field ->
                walk(context, field.getValue(), TemplateContext.child("/" + section, field.getKey()), false));
    }

    private void checkResourceAttributes(TemplateContext context) {
        context.section("Resources").fields().forEachRemaining(field -> {
            String at = TemplateContext.child("/Resources", field.getKey());
            JsonNode resource = field.getValue();
            JsonNode dependsOn = resource.get("DependsOn");
            if (dependsOn != null) {
                if (dependsOn.isTextual()) {
                    checkDependsOn(context, at + "/DependsOn", dependsOn.asText());
                } else {
                    for (int i = 0; i < dependsOn.size(); i++) {
                        checkDependsOn(context, at + "/DependsOn/" + i, dependsOn.get(i).asText());
                    }
                }
            }
            JsonNode condition = resource.get("Condition");
            if (condition != null && !context.isCondition(condition.asText())) {
                context.error(at + "/Condition", "condition-unresolved",
                        "condition '" + condition.asText() + "' is not defined in Conditions");
            }
        });
    }

    private void checkOutputConditions(TemplateContext context) {
        context.section("Outputs").fields().forEachRemaining(field -> {
            JsonNode condition = field.getValue().get("Condition");
            if (condition != null && !context.isCondition(condition.asText())) {
                context.error(TemplateContext.child("/Outputs", field.getKey()) + "/Condition", "condition-unresolved",
                        "condition '" + condition.asText() + "' is not defined in Conditions");
            }
        });
    }

    private static void checkDependsOn(TemplateContext context, String path, String target) {
        if (!context.isResource(target)) {
            context.error(path, "dependson-unresolved", "DependsOn names '" + target + "', which is not a resource of this template");
        }
    }

    private void walk(TemplateContext context, JsonNode node, String path, boolean inCondition) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(context, node.get(i), path + "/" + i, inCondition);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            String argumentPath = TemplateContext.child(path, key);
            switch (key) {
                case "Ref" -> checkRef(context, argument, argumentPath, inCondition);
                case "Fn::GetAtt" -> checkGetAtt(context, argument, argumentPath);
                case "Fn::Sub" -> checkSub(context, argument, argumentPath);
                case "Fn::FindInMap" -> checkFindInMap(context, argument, argumentPath);
                case "Fn::If" -> checkIf(context, argument, argumentPath);
                case "Fn::Join" -> checkJoin(context, argument, argumentPath);
                case "Condition" -> {
                    if (inCondition && argument.isTextual() && !context.isCondition(argument.asText())) {
                        context.error(argumentPath, "condition-unresolved",
                                "condition '" + argument.asText() + "' is not defined in Conditions");
                    }
                }
                default -> {
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("Ref")) {
                continue;
            }
            walk(context, field.getValue(), TemplateContext.child(path, field.getKey()), inCondition);
        }
    }

    private static void checkRef(TemplateContext context, JsonNode argument, String path, boolean inCondition) {
        if (!argument.isTextual()) {
            context.error(path, "intrinsic-nesting", "Ref takes the literal name of a parameter or resource, not "
                    + argument.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        String name = argument.asText();
        if (TemplateContext.PSEUDO_PARAMETERS.contains(name) || context.isParameter(name)) {
            return;
        }
        if (context.isResource(name)) {
            if (inCondition) {
                context.error(path, "ref-unresolved", "conditions can Ref only parameters and pseudo parameters, not resource '" + name + "'");
            }
            return;
        }
        context.error(path, "ref-unresolved", "Ref to '" + name + "', which is not a parameter, resource or pseudo parameter");
    }

    private static void checkGetAtt(TemplateContext context, JsonNode argument, String path) {
        String resource;
        if (argument.isTextual() && argument.asText().contains(".")) {
            resource = argument.asText().substring(0, argument.asText().indexOf('.'));
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            resource = argument.get(0).asText();
        } else {
            context.error(path, "intrinsic-nesting", "Fn::GetAtt takes [resource, attribute] or \"resource.attribute\"");
            return;
        }
        if (!context.isResource(resource)) {
            context.error(path, "getatt-unresolved", "Fn::GetAtt on '" + resource + "', which is not a resource of this template");
        }
    }

    private static void checkSub(TemplateContext context, JsonNode argument, String path) {
        JsonNode text = argument;
        JsonNode variables = null;
        if (argument.isArray()) {
            if (argument.size() != 2 || !argument.get(1).isObject()) {
                context.error(path, "intrinsic-nesting", "Fn::Sub takes a string or [string, {variables}]");
                return;
            }
            text = argument.get(0);
            variables = argument.get(1);
            variables.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isObject() && value.size() == 1) {
                    String function = value.fieldNames().next();
                    if (function.equals("Fn::Sub") || function.equals("Fn::Split")) {
                        context.error(TemplateContext.child(path + "/1", field.getKey()), "intrinsic-nesting",
                                "Fn::Sub variable '" + field.getKey() + "' uses " + function
                                        + ", which CloudFormation does not accept inside Fn::Sub");
                    }
                }
            });
        }
        if (!text.isTextual()) {
            context.error(argument.isArray() ? path + "/0" : path, "intrinsic-nesting",
                    "the Fn::Sub template must be a literal string, not a function");
            return;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text.asText());
        while (matcher.find()) {
            String variable = matcher.group(1).strip();
            if (variables != null && variables.has(variable)) {
                continue;
            }
            if (TemplateContext.PSEUDO_PARAMETERS.contains(variable) || context.isParameter(variable)
                    || context.isResource(variable)) {
                continue;
            }
            int dot = variable.indexOf('.');
            if (dot > 0 && context.isResource(variable.substring(0, dot))) {
                continue;
            }
            context.error(argument.isArray() ? path + "/0" : path, "sub-unresolved",
                    "Fn::Sub variable ${" + variable + "} is not a parameter, resource, attribute or variable;"
                            + " write ${!" + variable + "} for literal text");
        }
    }

    private static void checkFindInMap(TemplateContext context, JsonNode argument, String path) {
        if (!argument.isArray() || argument.size() < 3) {
            context.error(path, "intrinsic-nesting", "Fn::FindInMap takes [map, top-level key, second-level key]");
            return;
        }
        for (int i = 0; i < 3; i++) {
            JsonNode part = argument.get(i);
            if (part.isObject()) {
                String function = part.size() == 1 ? part.fieldNames().next() : "";
                if (!function.equals("Ref") && !function.equals("Fn::FindInMap")) {
                    context.error(path + "/" + i, "intrinsic-nesting",
                            "Fn::FindInMap accepts only Ref and Fn::FindInMap inside it, not " + function);
                }
            }
        }
        JsonNode map = argument.get(0);
        if (!map.isTextual()) {
            return;
        }
        JsonNode mapping = context.section("Mappings").get(map.asText());
        if (mapping == null) {
            context.error(path + "/0", "findinmap-unresolved", "Fn::FindInMap on map '" + map.asText() + "', which is not in Mappings");
            return;
        }
        JsonNode top = argument.get(1);
        if (top.isTextual()) {
            JsonNode second = mapping.get(top.asText());
            if (second == null) {
                context.error(path + "/1", "findinmap-unresolved",
                        "map '" + map.asText() + "' has no top-level key '" + top.asText() + "'");
            } else if (argument.get(2).isTextual() && !second.has(argument.get(2).asText())) {
                context.error(path + "/2", "findinmap-unresolved", "map '" + map.asText() + "' has no key '"
                        + argument.get(2).asText() + "' under '" + top.asText() + "'");
            }
        }
    }

    private static void checkIf(TemplateContext context, JsonNode argument, String path) {
        if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
            context.error(path, "intrinsic-nesting", "Fn::If takes [condition name, value if true, value if false]");
            return;
        }
        if (!context.isCondition(argument.get(0).asText())) {
            context.error(path + "/0", "condition-unresolved",
                    "condition '" + argument.get(0).asText() + "' is not defined in Conditions");
        }
    }

    private static void checkJoin(TemplateContext context, JsonNode argument, String path) {
        if (!argument.isArray() || argument.size() != 2) {
            context.error(path, "intrinsic-nesting", "Fn::Join takes [delimiter, [values]]");
            return;
        }
        if (!argument.get(0).isTextual()) {
            context.error(path + "/0", "intrinsic-nesting", "the Fn::Join delimiter must be a literal string");
        }
    }
}
