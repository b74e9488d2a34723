package dev.ecsgen.engine.resolve;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Helpers that read one declaration of the template's {@code Parameters} section. */
final class ParameterTypes {
    private ParameterTypes() {
    }

    /** Returns the declared {@code Type}, or {@code null} when the declaration has none. */
    static String type(JsonNode declaration) {
        JsonNode type = declaration.get("Type");
        return type != null && type.isTextual() ? type.textValue() : null;
    }

    /** Returns whether a parameter of this type is stored in Systems Manager Parameter Store, so its value is a parameter name. */
    static boolean isSsm(String type) {
        return type != null && type.startsWith("AWS::SSM::Parameter::");
    }

    /** Returns whether {@code Ref} to a parameter of this type yields a list: {@code CommaDelimitedList} and {@code List<...>}. */
    static boolean isList(String type) {
        return type != null && (type.equals("CommaDelimitedList") || type.startsWith("List<"));
    }

    /** Returns whether the type is numeric: {@code Number} and {@code List<Number>}. */
    static boolean isNumber(String type) {
        return "Number".equals(type) || "List<Number>".equals(type);
    }

    /** Returns whether the declaration sets {@code NoEcho} to true, as a boolean or as the string "true". */
    static boolean isNoEcho(JsonNode declaration) {
        JsonNode noEcho = declaration.path("NoEcho");
        return noEcho.isBoolean() ? noEcho.booleanValue() : noEcho.asText("").toLowerCase(Locale.ROOT).equals("true");
    }

    /**
     * Returns the {@code Default} as a string, or {@code null} when there is none. A number becomes its decimal text
     * and a YAML list is joined with commas, the form CloudFormation takes list values in.
     */
    static String defaultValue(JsonNode declaration) {
        JsonNode value = declaration.get("Default");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> members = new ArrayList<>();
            value.forEach(member -> members.add(member.asText()));
            return String.join(",", members);
        }
        return value.asText();
    }

    /**
     * Splits a list value at every comma, keeping empty members, and trims spaces around each member.
     * NOTE: that CloudFormation trims members of a CommaDelimitedList is assumed, not checked against a deployed stack.
     */
    static List<String> splitList(String value) {
        List<String> members = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = value.indexOf(',', start);
            if (comma < 0) {
                members.add(value.substring(start).strip());
                return members;
            }
            members.add(value.substring(start, comma).strip());
            start = comma + 1;
        }
    }
}
