package dev.ecsgen.engine.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsgen.engine.check.EcsConfigWrites.ConfigLine;
import dev.ecsgen.engine.check.EcsConfigWrites.Writer;
import dev.ecsgen.engine.image.AgentAuthKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the private registry settings that EC2 user data writes to {@code /etc/ecs/ecs.config} for the ECS
 * container agent: {@code ECS_ENGINE_AUTH_TYPE} and {@code ECS_ENGINE_AUTH_DATA}.
 *
 * <p>It reads the {@code Fn::Sub} template text of the user data without resolving it, so a value that is
 * wholly a {@code ${...}} variable, or a shell variable such as a {@code printf} argument, is not checked. The agent reads ecs.config as an environment file that does
 * not remove quotes, so every byte the script writes reaches the agent.
 */
public final class EcsAgentAuthRule implements TemplateRule {
    private static final Set<String> AUTH_TYPES = Set.of("docker", "dockercfg");
    private static final String TYPE_KEY = "ECS_ENGINE_AUTH_TYPE";
    private static final String DATA_KEY = "ECS_ENGINE_AUTH_DATA";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A value that is wholly one variable: {@code ${Name}} of Fn::Sub or of the shell, or {@code $name}. */
    private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\$\\{[^}]+}|\\$\\w+");

    @Override
    public void check(TemplateContext context) {
        for (UserDataText.Script script : UserDataText.scripts(context)) {
            checkScript(context, script);
        }
    }

    private void checkScript(TemplateContext context, UserDataText.Script script) {
        List<ConfigLine> authLines = new ArrayList<>();
        for (ConfigLine line : EcsConfigWrites.find(script.text())) {
            if (line.text().startsWith("ECS_ENGINE_AUTH_")) {
                authLines.add(line);
            }
        }
        String authType = null;
        ConfigLine dataLine = null;
        for (ConfigLine line : authLines) {
            checkWriter(context, script, line);
            int equals = line.text().indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = line.text().substring(0, equals);
            if (!key.equals(key.strip())) {
                // ecs-init splits at the first '=' without trimming the key, so "KEY =" names another variable.
                error(context, script, line, "ecs-config-key", "'" + key + "' has spaces before '=', so the agent reads"
                        + " a variable named with those spaces and ignores it; write " + key.strip() + "= without spaces");
                continue;
            }
            if (key.equals(DATA_KEY)) {
                dataLine = line;
            }
            String value = unquote(context, script, line, key, line.text().substring(equals + 1));
            if (key.equals(TYPE_KEY)) {
                authType = value;
                if (!value.contains("${") && !AUTH_TYPES.contains(value)) {
                    error(context, script, line, "ecs-auth-type", TYPE_KEY + " is '" + value
                            + "', but the ECS agent supports only docker and dockercfg; write dockercfg with"
                            + " {\"registry\": {\"auth\": base64 of username:password}} data");
                }
            }
        }
        if (dataLine != null && authType == null) {
            error(context, script, dataLine, "ecs-auth-type", "the user data writes " + DATA_KEY + " but no " + TYPE_KEY
                    + ", so the agent ignores the credentials and pulls anonymously; add " + TYPE_KEY + "=dockercfg");
        }
        for (ConfigLine line : authLines) {
            if (line.text().startsWith(DATA_KEY + "=")) {
                String value = stripQuotes(line.text().substring(DATA_KEY.length() + 1));
                checkData(context, script, line, value, authType);
            }
        }
    }

    private static void checkWriter(TemplateContext context, UserDataText.Script script, ConfigLine line) {
        if (line.writer() == Writer.ECHO) {
            warning(context, script, line, "ecs-config-writer", "echo writes " + keyOf(line) + " to ecs.config,"
                    + " but the shell removes quotes and backslashes from its argument and some echo commands"
                    + " expand escapes; write the file with a quoted here-document (cat <<'EOF' >> /etc/ecs/ecs.config)");
        } else if (line.writer() == Writer.UNQUOTED_HEREDOC) {
            warning(context, script, line, "ecs-config-writer", "the here-document that writes " + keyOf(line)
                    + " has an unquoted delimiter, so the shell expands $, ` and \\ in it, such as in a password;"
                    + " quote the delimiter (<<'EOF')");
        }
    }

    private static String keyOf(ConfigLine line) {
        int equals = line.text().indexOf('=');
        return equals < 0 ? line.text() : line.text().substring(0, equals);
    }

    private static String unquote(TemplateContext context, UserDataText.Script script, ConfigLine line, String key, String value) {
        String stripped = stripQuotes(value);
        if (!stripped.equals(value)) {
            error(context, script, line, "ecs-config-quoted", key + " is written with quotes, which ecs.config keeps"
                    + " as part of the value; write " + key + "= and the value without quotes");
        }
        return stripped;
    }

    private static String stripQuotes(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private void checkData(TemplateContext context, UserDataText.Script script, ConfigLine line, String value, String authType) {
        if (WHOLE_VARIABLE.matcher(value).matches()) {
            // A Fn::Sub variable or a shell variable: its value is known only when the stack is created
            // or the script runs.
            return;
        }
        if (value.startsWith("\"") || value.startsWith("'") || value.endsWith("\"") || value.endsWith("'")) {
            error(context, script, line, "ecs-config-quoted", DATA_KEY + (value.startsWith("\"") || value.startsWith("'")
                    ? " starts" : " ends") + " with a quote, which ecs.config keeps as part of the value, so the"
                    + " agent cannot read the JSON and pulls without credentials; remove the quote");
            return;
        }
        if (!value.startsWith("{")) {
            error(context, script, line, "ecs-auth-json", DATA_KEY + " must be a JSON object of registry keys");
            return;
        }
        List<String> keys = new ArrayList<>();
        List<JsonNode> entries = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(value)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(parser.currentName());
                parser.nextToken();
                entries.add(MAPPER.readTree(parser));
            }
            if (parser.nextToken() != null) {
                error(context, script, line, "ecs-auth-json", DATA_KEY + " has text after its JSON object, at column "
                        + (DATA_KEY.length() + 1 + parser.currentTokenLocation().getColumnNr()) + " of the line; the agent"
                        + " ignores the value and pulls without credentials");
                return;
            }
        } catch (JsonProcessingException e) {
            error(context, script, line, "ecs-auth-json", DATA_KEY + " is not valid JSON at column "
                    + (DATA_KEY.length() + 1 + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr()))
                    + " of the line; the agent ignores it and pulls without credentials");
            return;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }

        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key.equals("auths")) {
                error(context, script, line, "ecs-auth-wrapper", DATA_KEY + " has the {\"auths\": {...}} wrapper of"
                        + " Docker's config.json, but the agent reads the top-level keys as registries; write the"
                        + " registry keys at the top level");
                continue;
            }
            if (!key.contains("${")) {
                checkKey(context, script, line, key);
            }
            if ("docker".equals(authType)) {
                checkDockerForm(context, script, line, key, entries.get(i));
            }
        }
        List<String> literalKeys = keys.stream().filter(key -> !key.contains("${")).toList();
        for (List<String> group : AgentAuthKeys.duplicates(literalKeys)) {
            error(context, script, line, "ecs-auth-duplicate", DATA_KEY + " keys " + String.join(", ", group.stream()
                    .map(key -> "'" + key + "'").toList()) + " name the same registry once the agent strips the scheme,"
                    + " so it keeps only one of them; keep one key per registry");
        }
    }

    /**
     * Reports a key the agent never matches as an error, and a risky key (a path after the host, or upper-case
     * letters in it) as a warning. A key counts as risky when its host in lower case alone has no problem.
     */
    private static void checkKey(TemplateContext context, UserDataText.Script script, ConfigLine line, String key) {
        Optional<String> problem = AgentAuthKeys.problem(key);
        if (problem.isEmpty()) {
            return;
        }
        String normalized = AgentAuthKeys.normalize(key);
        int slash = normalized.indexOf('/');
        String host = (slash < 0 ? normalized : normalized.substring(0, slash)).toLowerCase(java.util.Locale.ROOT);
        boolean risky = !normalized.contains("://") && AgentAuthKeys.problem(host).isEmpty();
        if (risky) {
            warning(context, script, line, "ecs-auth-key", problem.get());
        } else {
            error(context, script, line, "ecs-auth-key", problem.get());
        }
    }

    private static void checkDockerForm(TemplateContext context, UserDataText.Script script, ConfigLine line,
            String key, JsonNode entry) {
        for (String field : new String[] {"username", "password"}) {
            JsonNode value = entry.get(field);
            if (value == null || !value.isTextual()) {
                continue;
            }
            Matcher variables = ReferenceRule.SUB_VARIABLE.matcher(value.asText());
            while (variables.find()) {
                String variable = variables.group(1).strip();
                String parameter = parameterBehind(context, script.variables(), variable);
                if (parameter != null) {
                    error(context, script, line, "ecs-auth-docker-form", "the docker auth form puts parameter "
                            + parameter + " into the JSON string " + field + " of '" + key + "', and a value with \" or \\"
                            + " breaks that JSON because no CloudFormation function escapes it; use"
                            + " ECS_ENGINE_AUTH_TYPE=dockercfg with {\"auth\": Fn::Base64 of username:password}");
                }
            }
        }
    }

    /** Returns the parameter that a {@code Fn::Sub} variable takes its value from, or {@code null}. */
    private static String parameterBehind(TemplateContext context, JsonNode variables, String variable) {
        JsonNode value = variables.get(variable);
        if (value == null) {
            return context.isParameter(variable) ? variable : null;
        }
        if (value.isObject() && value.size() == 1 && value.path("Ref").isTextual()
                && context.isParameter(value.get("Ref").asText())) {
            return value.get("Ref").asText();
        }
        return null;
    }

    private static void error(TemplateContext context, UserDataText.Script script, ConfigLine line, String rule, String message) {
        context.error(script.textPath(), rule, "user data line " + line.scriptLine() + ": " + message);
    }

    private static void warning(TemplateContext context, UserDataText.Script script, ConfigLine line, String rule, String message) {
        context.warning(script.textPath(), rule, "user data line " + line.scriptLine() + ": " + message);
    }
}
