package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Finds the literal script text of a {@code UserData} value without resolving it. */
public final class UserDataText {
    /**
     * The user data script of one resource.
     *
     * @param resource the logical id of the resource
     * @param path     the JSON pointer of the {@code UserData} value
     * @param textPath the JSON pointer of the script string itself, such as {@code .../Fn::Base64/Fn::Sub/0}
     * @param text     the script, with {@code Fn::Sub} variables left as written
     * @param variables the {@code Fn::Sub} variable map, or an empty object
     */
    public record Script(String resource, String path, String textPath, String text, JsonNode variables) {
    }

    private UserDataText() {
    }

    /**
     * Returns the script text of {@code Fn::Base64} of a string or of {@code Fn::Sub}, with
     * {@code Fn::Sub} variables left as written, or {@code null} when the value has another shape.
     */
    public static String of(JsonNode userData) {
        Script script = script("", "", userData);
        return script == null ? null : script.text();
    }

    /**
     * Returns the user data scripts of every resource that has {@code Properties/UserData} (instances, launch
     * configurations) or {@code Properties/LaunchTemplateData/UserData} (launch templates) of a literal shape.
     */
    public static List<Script> scripts(TemplateContext context) {
        List<Script> scripts = new ArrayList<>();
        context.section("Resources").fields().forEachRemaining(resource -> {
            String at = TemplateContext.child("/Resources", resource.getKey()) + "/Properties";
            JsonNode properties = resource.getValue().path("Properties");
            JsonNode data = properties.path("LaunchTemplateData").path("UserData");
            String path = at + "/LaunchTemplateData/UserData";
            if (data.isMissingNode()) {
                data = properties.path("UserData");
                path = at + "/UserData";
            }
            if (!data.isMissingNode()) {
                Script script = script(resource.getKey(), path, data);
                if (script != null) {
                    scripts.add(script);
                }
            }
        });
        return scripts;
    }

    private static Script script(String resource, String path, JsonNode userData) {
        JsonNode empty = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        String innerPath = path;
        JsonNode inner = userData;
        if (userData.has("Fn::Base64")) {
            inner = userData.get("Fn::Base64");
            innerPath = path + "/Fn::Base64";
        }
        if (inner.isTextual()) {
            return new Script(resource, path, innerPath, inner.asText(), empty);
        }
        JsonNode sub = inner.get("Fn::Sub");
        if (sub == null) {
            return null;
        }
        if (sub.isTextual()) {
            return new Script(resource, path, innerPath + "/Fn::Sub", sub.asText(), empty);
        }
        if (sub.isArray() && sub.size() > 0 && sub.get(0).isTextual()) {
            JsonNode variables = sub.size() > 1 && sub.get(1).isObject() ? sub.get(1) : empty;
            return new Script(resource, path, innerPath + "/Fn::Sub/0", sub.get(0).asText(), variables);
        }
        return null;
    }
}
