package dev.ecsgen.engine.check.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsgen.engine.JsonPointers;
import dev.ecsgen.engine.Suggestions;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** Helpers shared by the checkers in this package: intrinsic functions, JSON pointers and name suggestions. */
final class Templates {
    private Templates() {
    }

    /** Returns whether a value is a one-key object {@code {"Ref": ...}} or {@code {"Fn::...": ...}}. */
    static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    /** Returns whether a value is {@code {"Ref": "AWS::NoValue"}}, which removes the property whose value it is. */
    static boolean isNoValue(JsonNode value) {
        return value.isObject() && value.size() == 1 && "AWS::NoValue".equals(value.path("Ref").asText(null));
    }

    /** Returns whether a value is {@code {"Fn::If": [condition, whenTrue, whenFalse]}}. */
    static boolean isFnIf(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        JsonNode arguments = value.get("Fn::If");
        return arguments != null && arguments.isArray() && arguments.size() == 3;
    }

    /** Returns whether CloudFormation accepts any properties and attributes for this resource type. */
    static boolean isCustomResource(String type) {
        return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
    }

    /** Appends one reference token to a JSON pointer, escaping {@code ~} and {@code /} as RFC 6901 requires. */
    static String child(String pointer, String token) {
        return JsonPointers.child(pointer, token);
    }

    static String child(String pointer, int index) {
        return JsonPointers.child(pointer, index);
    }

    /**
     * Builds the hint that ends an "unknown name" message: the closest known name when it is within a few edits,
     * otherwise the sorted list of known names.
     */
    static String suggestion(String name, Collection<String> known, String kind) {
        if (known.isEmpty()) {
            return "it has no " + kind;
        }
        Optional<String> closest = Suggestions.closest(name, known);
        if (closest.isPresent()) {
            return "did you mean '" + closest.get() + "'?";
        }
        return "known " + kind + ": " + known.stream().sorted().collect(Collectors.joining(", "));
    }

    /** Describes a JSON value for a message, such as {@code a list} or {@code the string "abc"}. */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            String text = value.asText();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        return "null";
    }
}
