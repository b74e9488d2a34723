package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variable, {@code Fn::FindInMap}
 * map and literal key, condition name and {@code DependsOn} target resolves. Malformed arguments are
 * left to {@link IntrinsicNestingRule}, so each problem is reported once.
 */
public final class ReferenceRule implements TemplateRule {
    /** A {@code ${...}} variable of {@code Fn::Sub}; {@code ${!...}} is a literal and does not match. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    @Override
    public void check(TemplateContext context) {
        walkSection(context, "Resources", false);
        walkSection(context, "Outputs", false);
        walkSection(context, "Conditions", true);
        checkResourceAttributes(context);
        checkOutputConditions(context);
    }

    private void walkSection(TemplateContext context, String section, boolean inCondition) {
        context.section(section).fields().forEachRemaining(field ->
                walk(context, field.getValue(), TemplateContext.child("/" + section, field.getKey()), inCondition));
    }

    private void checkResourceAttributes(TemplateContext context) {
        context.section("Resources").fields().forEachRemaining(field -> {
            String at = TemplateContext.child("/Resources", field.getKey());
            JsonNode resource = field.getValue();
            JsonNode dependsOn = resource.get("DependsOn");
            if (dependsOn != null) {
                if (dependsOn.isArray()) {
                    for (int i = 0; i < dependsOn.size(); i++) {
                        checkDependsOn(context, at + "/DependsOn/" + i, field.getKey(), dependsOn.get(i));
                    }
                } else {
                    checkDependsOn(context, at + "/DependsOn", field.getKey(), dependsOn);
                }
            }
            checkConditionName(context, at + "/Condition", resource.get("Condition"));
        });
    }

    private void checkOutputConditions(TemplateContext context) {
        context.section("Outputs").fields().forEachRemaining(field -> checkConditionName(context,
                TemplateContext.child("/Outputs", field.getKey()) + "/Condition", field.getValue().get("Condition")));
    }

    private static void checkConditionName(TemplateContext context, String path, JsonNode condition) {
        if (condition == null) {
            return;
        }
        if (!condition.isTextual()) {
            context.error(path, "condition-unresolved", "the Condition attribute must be the literal name of a condition");
        } else if (!context.isCondition(condition.asText())) {
            context.error(path, "condition-unresolved",
                    "condition '" + condition.asText() + "' is not defined in Conditions; define it or remove the reference");
        }
    }

    private static void checkDependsOn(TemplateContext context, String path, String resource, JsonNode target) {
        if (!target.isTextual()) {
            context.error(path, "dependson-unresolved", "DependsOn takes resource names as literal strings");
        } else if (target.asText().equals(resource)) {
            context.error(path, "dependson-unresolved", "resource '" + resource + "' depends on itself; remove it from its DependsOn");
        } else if (!context.isResource(target.asText())) {
            context.error(path, "dependson-unresolved",
                    "DependsOn names '" + target.asText() + "', which is not a resource of this template");
        }
    }

    private void walk(TemplateContext context, JsonNode node, String path, boolean inCondition) {
        TemplateContext.forEachObject(node, path, (object, at) -> checkObject(context, object, at, inCondition));
    }

    private void checkObject(TemplateContext context, JsonNode node, String path, boolean inCondition) {
        if (node.size() != 1) {
            return;
        }
        String key = node.fieldNames().next();
        JsonNode argument = node.get(key);
        String argumentPath = TemplateContext.child(path, key);
        switch (key) {
            case "Ref" -> checkRef(context, argument, argumentPath);
            case "Fn::GetAtt" -> checkGetAtt(context, argument, argumentPath);
            case "Fn::Sub" -> checkSub(context, argument, argumentPath);
            case "Fn::FindInMap" -> checkFindInMap(context, argument, argumentPath);
            case "Fn::If" -> {
                if (argument.isArray() && argument.size() == 3 && argument.get(0).isTextual()) {
                    checkConditionName(context, argumentPath + "/0", argument.get(0));
                }
            }
            case "Condition" -> {
                if (inCondition && argument.isTextual()) {
                    checkConditionName(context, argumentPath, argument);
                }
            }
            default -> {
            }
        }
    }

    private static void checkRef(TemplateContext context, JsonNode argument, String path) {
        if (!argument.isTextual()) {
            return;
        }
        String name = argument.asText();
        if (TemplateContext.PSEUDO_PARAMETERS.contains(name) || context.isParameter(name) || context.isResource(name)) {
            return;
        }
        context.error(path, "ref-unresolved", "Ref to '" + name + "', which is not a parameter, resource or pseudo parameter;"
                + " define it or correct the name");
    }

    private static void checkGetAtt(TemplateContext context, JsonNode argument, String path) {
        String resource;
        if (argument.isTextual() && argument.asText().contains(".")) {
            resource = argument.asText().substring(0, argument.asText().indexOf('.'));
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            resource = argument.get(0).asText();
        } else {
            return;
        }
        if (!context.isResource(resource)) {
            context.error(path, "getatt-unresolved", "Fn::GetAtt on '" + resource + "', which is not a resource of this template");
        }
    }

    private static void checkSub(TemplateContext context, JsonNode argument, String path) {
        JsonNode text = argument;
        JsonNode variables = null;
        String textPath = path;
        if (argument.isArray()) {
            if (argument.size() != 2 || !argument.get(1).isObject()) {
                return;
            }
            text = argument.get(0);
            variables = argument.get(1);
            textPath = path + "/0";
        }
        if (!text.isTextual()) {
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
            context.error(textPath, "sub-unresolved",
                    "Fn::Sub variable ${" + variable + "} is not a parameter, resource, attribute or variable;"
                            + " write ${!" + variable + "} for literal text");
        }
    }

    private static void checkFindInMap(TemplateContext context, JsonNode argument, String path) {
        if (!argument.isArray() || argument.size() < 3) {
            return;
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
        if (!top.isTextual()) {
            return;
        }
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
