package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Appends a key to a JSON pointer, escaping {@code ~} and {@code /} as RFC 6901 requires. */
    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
