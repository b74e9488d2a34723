package dev.ecsgen.engine.check.spec;

import static dev.ecsgen.engine.check.spec.Templates.child;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.check.Finding;
import dev.ecsgen.engine.check.Severity;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code Fn::GetAtt} attribute, and every {@code ${Resource.Attribute}} placeholder in
 * {@code Fn::Sub}, names an attribute that the resource's type has.
 *
 * <p>References to resources that do not exist, to custom resources and to types that the specification lacks are
 * skipped: the reference checks and {@link ResourceSpecChecker#RULE_UNKNOWN_TYPE} report those.
 */
final class AttributeReferenceChecker {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final ResourceSpecification specification;
    private final String file;
    private JsonNode resources;
    private List<Finding> findings;

    AttributeReferenceChecker(ResourceSpecification specification, String file) {
        this.specification = specification;
        this.file = file;
    }

    /** Walks the {@code Resources} and {@code Outputs} sections and appends a finding per unknown attribute. */
    void check(JsonNode template, List<Finding> out) {
        this.resources = template.path("Resources");
        this.findings = out;
        walk(resources, "/Resources");
        walk(template.path("Outputs"), "/Outputs");
    }

    private void walk(JsonNode node, String pointer) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), child(pointer, i));
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1 && node.has("Fn::GetAtt")) {
            checkGetAtt(node.get("Fn::GetAtt"), pointer);
        }
        if (node.size() == 1 && node.has("Fn::Sub")) {
            checkSub(node.get("Fn::Sub"), child(pointer, "Fn::Sub"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            walk(entry.getValue(), child(pointer, entry.getKey()));
        }
    }

    /** Checks {@code ["Resource", "Attribute"]} and the string form {@code "Resource.Attribute"}. */
    private void checkGetAtt(JsonNode arguments, String pointer) {
        if (arguments.isTextual()) {
            String reference = arguments.asText();
            int dot = reference.indexOf('.');
            if (dot > 0) {
                checkAttribute(reference.substring(0, dot), reference.substring(dot + 1), pointer);
            }
            return;
        }
        if (arguments.isArray() && arguments.size() == 2
                && arguments.get(0).isTextual() && arguments.get(1).isTextual()) {
            checkAttribute(arguments.get(0).asText(), arguments.get(1).asText(), pointer);
        }
    }

    /** Checks the placeholders of {@code "text"} or {@code ["text", {variables}]}, skipping variables and {@code ${!literal}}. */
    private void checkSub(JsonNode arguments, String pointer) {
        String text;
        JsonNode variables;
        String textPointer;
        if (arguments.isTextual()) {
            text = arguments.asText();
            variables = null;
            textPointer = pointer;
        } else if (arguments.isArray() && arguments.size() >= 1 && arguments.get(0).isTextual()) {
            text = arguments.get(0).asText();
            variables = arguments.size() > 1 ? arguments.get(1) : null;
            textPointer = child(pointer, 0);
        } else {
            return;
        }

        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            if (name.startsWith("!") || (variables != null && variables.has(name))) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                checkAttribute(name.substring(0, dot), name.substring(dot + 1), textPointer);
            }
        }
    }

    private void checkAttribute(String logicalId, String attribute, String pointer) {
        String type = resources.path(logicalId).path("Type").asText(null);
        if (type == null || Templates.isCustomResource(type)) {
            return;
        }
        Optional<ResourceTypeSpec> typeSpec = specification.resourceType(type);
        if (typeSpec.isEmpty()) {
            return;
        }
        Map<String, ValueType> attributes = typeSpec.get().attributes();
        if (attributes.containsKey(attribute) || isNestedStackOutput(type, attribute)) {
            return;
        }
        String message = "unknown attribute '" + attribute + "' of resource '" + logicalId + "' (" + type + "); "
                + Templates.suggestion(attribute, attributes.keySet(), "attributes");
        findings.add(new Finding(file, pointer, Severity.ERROR, ResourceSpecChecker.RULE_UNKNOWN_ATTRIBUTE, message));
    }

    /** Returns whether the attribute is {@code Outputs.Name} of a nested stack, which the specification cannot list. */
    private static boolean isNestedStackOutput(String type, String attribute) {
        return type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.") && attribute.length() > 8;
    }
}
