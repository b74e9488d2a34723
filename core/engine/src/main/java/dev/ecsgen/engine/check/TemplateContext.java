package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ecsgen.engine.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A template under check, with its names and the findings so far; rules add findings through it.
 */
public final class TemplateContext {
    /** Pseudo parameters every template may {@code Ref}. */
    public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private final String file;
    private final JsonNode template;
    private final long bodyBytes;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param file      the file name for findings
     * @param template  the parsed template
     * @param bodyBytes the size of the template body as it will be uploaded
     */
    public TemplateContext(String file, JsonNode template, long bodyBytes) {
        this.file = file;
        this.template = template;
        this.bodyBytes = bodyBytes;
    }

    public String file() {
        return file;
    }

    public JsonNode template() {
        return template;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    /** Returns a template section, or an empty object when absent. */
    public JsonNode section(String name) {
        JsonNode section = template.get(name);
        return section != null && section.isObject() ? section : JsonNodeFactory.instance.objectNode();
    }

    public boolean isParameter(String name) {
        return section("Parameters").has(name);
    }

    public boolean isResource(String name) {
        return section("Resources").has(name);
    }

    public boolean isCondition(String name) {
        return section("Conditions").has(name);
    }

    public void error(String path, String rule, String message) {
        findings.add(new Finding(file, path, Severity.ERROR, rule, message));
    }

    public void warning(String path, String rule, String message) {
        findings.add(new Finding(file, path, Severity.WARNING, rule, message));
    }

    /** Adds a finding made by a checker outside this package, such as the resource specification checker. */
    public void add(Finding finding) {
        findings.add(finding);
    }

    /** Returns whether {@code node} is a one-key object whose key is {@code Ref} or starts with {@code Fn::}. */
    public static boolean isIntrinsic(JsonNode node) {
        return functionName(node) != null;
    }

    /** Returns the key of a one-key {@code Ref} or {@code Fn::} object, or {@code null} for any other value. */
    public static String functionName(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") ? key : null;
    }

    /**
     * Calls {@code visitor} with every object in {@code node}, including {@code node} itself, and the JSON pointer
     * of each. An object is visited before its members, and members and array items in document order.
     */
    public static void forEachObject(JsonNode node, String path, BiConsumer<JsonNode, String> visitor) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachObject(node.get(i), path + "/" + i, visitor);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        visitor.accept(node, path);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            forEachObject(field.getValue(), child(path, field.getKey()), visitor);
        }
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Appends a key to a JSON pointer, escaping {@code ~} and {@code /} as RFC 6901 requires. */
    public static String child(String pointer, String key) {
        return JsonPointers.child(pointer, key);
    }

    public static String child(String pointer, int index) {
        return JsonPointers.child(pointer, index);
    }
}
