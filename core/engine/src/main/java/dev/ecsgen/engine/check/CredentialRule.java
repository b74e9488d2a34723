package dev.ecsgen.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that credentials stay secret: credential-looking parameters are {@code NoEcho}, no output or
 * metadata copies a {@code NoEcho} parameter, and no credential is written into the template as a literal,
 * a parameter default included. CloudFormation masks {@code NoEcho} values only in parameter listings, not in
 * Outputs, the Metadata section or a resource's Metadata attribute.
 */
public final class CredentialRule implements TemplateRule {
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|apikey|api_key|privatekey).*");
    private static final Pattern NOT_A_CREDENTIAL = Pattern.compile("(?i).*(arn|name|id|length|ttl|rotation)$");
    /** A literal {@code "auth":"<base64>"} of agent auth data, which only ever contains a credential. */
    private static final Pattern LITERAL_AUTH = Pattern.compile("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/]{4,}={0,2})\"");
    /** A literal password in a JSON secret string. */
    private static final Pattern LITERAL_PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"([^\"$]+)\"");
    /** Token prefixes of Docker Hub and Quay personal access tokens. */
    private static final Pattern KNOWN_TOKEN = Pattern.compile("\\b(dckr_pat_[A-Za-z0-9_-]{10,}|dckr_oat_[A-Za-z0-9_-]{10,})");

    @Override
    public void check(TemplateContext context) {
        Set<String> noEcho = new HashSet<>();
        context.section("Parameters").fields().forEachRemaining(field -> {
            JsonNode flag = field.getValue().get("NoEcho");
            boolean hidden = flag != null && (flag.asBoolean() || "true".equalsIgnoreCase(flag.asText()));
            boolean credential = CREDENTIAL_NAME.matcher(field.getKey()).matches()
                    && !NOT_A_CREDENTIAL.matcher(field.getKey()).matches();
            String at = TemplateContext.child("/Parameters", field.getKey());
            JsonNode defaultValue = field.getValue().get("Default");
            if ((hidden || credential) && defaultValue != null && !defaultValue.asText().isEmpty()) {
                context.error(at + "/Default", "literal-credential", "parameter " + field.getKey()
                        + " holds a credential but has a Default, which stores it in the template: remove the Default");
            }
            if (hidden) {
                noEcho.add(field.getKey());
            } else if (CREDENTIAL_NAME.matcher(field.getKey()).matches()
                    && !NOT_A_CREDENTIAL.matcher(field.getKey()).matches()) {
                context.error(TemplateContext.child("/Parameters", field.getKey()), "credential-noecho",
                        "parameter " + field.getKey() + " looks like a credential but is not NoEcho: add \"NoEcho\": true");
            }
        });
        context.section("Outputs").fields().forEachRemaining(field -> findNoEchoUse(context, field.getValue(),
                TemplateContext.child("/Outputs", field.getKey()), noEcho, "noecho-output", "Outputs"));
        findNoEchoUse(context, context.section("Metadata"), "/Metadata", noEcho, "noecho-metadata", "Metadata");
        context.section("Resources").fields().forEachRemaining(field -> {
            JsonNode metadata = field.getValue().get("Metadata");
            if (metadata != null) {
                findNoEchoUse(context, metadata, TemplateContext.child("/Resources", field.getKey()) + "/Metadata",
                        noEcho, "noecho-metadata", "the resource's Metadata");
            }
        });
        walkLiterals(context, context.template(), "");
    }

    private static void findNoEchoUse(TemplateContext context, JsonNode node, String path, Set<String> noEcho,
            String rule, String where) {
        if (node.isTextual()) {
            return;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("Ref");
            if (ref != null && ref.isTextual() && noEcho.contains(ref.asText())) {
                context.error(path, rule, "copies NoEcho parameter " + ref.asText() + " into " + where
                        + ", which shows its value in the console and API: remove it from " + where);
            }
            JsonNode sub = node.get("Fn::Sub");
            String text = sub == null ? null : sub.isTextual() ? sub.asText() : sub.path(0).asText(null);
            if (text != null) {
                Matcher matcher = ReferenceRule.SUB_VARIABLE.matcher(text);
                while (matcher.find()) {
                    if (noEcho.contains(matcher.group(1).strip())) {
                        context.error(path, rule, "copies NoEcho parameter " + matcher.group(1).strip() + " into "
                                + where + " through Fn::Sub, which shows its value in the console and API: remove it from " + where);
                    }
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            findNoEchoUse(context, field.getValue(), TemplateContext.child(path, field.getKey()), noEcho, rule, where);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            findNoEchoUse(context, node.get(i), path + "/" + i, noEcho, rule, where);
        }
    }

    private static void walkLiterals(TemplateContext context, JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.asText();
            if (LITERAL_AUTH.matcher(text).find()) {
                context.error(path, "literal-credential", "agent auth data holds a literal base64 credential:"
                        + " pass credentials as NoEcho parameters or a Secrets Manager secret");
            }
            if (LITERAL_PASSWORD.matcher(text).find()) {
                context.error(path, "literal-credential", "a JSON string holds a literal password:"
                        + " pass it as a NoEcho parameter or keep it in Secrets Manager");
            }
            if (KNOWN_TOKEN.matcher(text).find()) {
                context.error(path, "literal-credential", "the text holds a registry access token:"
                        + " pass it as a NoEcho parameter or keep it in Secrets Manager");
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            walkLiterals(context, field.getValue(), TemplateContext.child(path, field.getKey()));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            walkLiterals(context, node.get(i), path + "/" + i);
        }
    }
}
