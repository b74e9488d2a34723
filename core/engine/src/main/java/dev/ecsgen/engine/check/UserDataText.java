package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds the literal script text of a {@code UserData} value without resolving it. */
public final class UserDataText {
    private UserDataText() {
    }

    /**
     * Returns the script text of {@code Fn::Base64} of a string or of {@code Fn::Sub}, with
     * {@code Fn::Sub} variables left as written, or {@code null} when the value has another shape.
     */
    public static String of(JsonNode userData) {
        JsonNode inner = userData.has("Fn::Base64") ? userData.get("Fn::Base64") : userData;
        if (inner.isTextual()) {
            return inner.asText();
        }
        JsonNode sub = inner.get("Fn::Sub");
        if (sub == null) {
            return null;
        }
        if (sub.isTextual()) {
            return sub.asText();
        }
        return sub.isArray() && sub.size() > 0 && sub.get(0).isTextual() ? sub.get(0).asText() : null;
    }
}
