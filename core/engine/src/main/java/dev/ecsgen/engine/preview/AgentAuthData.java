package dev.ecsgen.engine.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ecsgen.engine.image.AgentAuthKeys;
import dev.ecsgen.engine.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry credentials the ECS container agent derives from {@code ECS_ENGINE_AUTH_TYPE} and
 * {@code ECS_ENGINE_AUTH_DATA}, decoded the way the agent decodes them.
 *
 * <p>The agent accepts exactly two types. With {@code docker} the data is {@code {"<key>": {"username": "...",
 * "password": "..."}}}. With {@code dockercfg} it is {@code {"<key>": {"auth": "<base64 of username:password>"}}}:
 * only {@code auth} is read, decoded as standard base64 with padding, and split at the first {@code :}. The
 * {@code {"auths": {...}}} wrapper of a Docker config file is not accepted. The agent never stops on bad data: it
 * logs a warning and pulls anonymously. An unknown type or invalid JSON drops every key, while invalid base64 or a
 * decoded value without {@code :} drops only that key. This class returns those failures as {@link Problem}s.
 *
 * <p>Go's JSON decoder, which the agent uses, matches the field names {@code username}, {@code password} and
 * {@code auth} case-insensitively, and the last matching field wins; this class does the same.
 */
public final class AgentAuthData {
    public static final String TYPE_KEY = "ECS_ENGINE_AUTH_TYPE";
    public static final String DATA_KEY = "ECS_ENGINE_AUTH_DATA";
    public static final String TYPE_DOCKER = "docker";
    public static final String TYPE_DOCKERCFG = "dockercfg";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The reason the agent ignores all or part of the auth data. */
    public enum Failure {
        /** {@code ECS_ENGINE_AUTH_DATA} is set but {@code ECS_ENGINE_AUTH_TYPE} is not. */
        MISSING_TYPE,
        /** {@code ECS_ENGINE_AUTH_TYPE} is set but {@code ECS_ENGINE_AUTH_DATA} is not. */
        MISSING_DATA,
        /** The type is neither {@code docker} nor {@code dockercfg}. */
        UNKNOWN_TYPE,
        /** The data is not a JSON object of the expected shape. */
        INVALID_JSON,
        /** A {@code dockercfg} entry's {@code auth} is not standard base64 with padding. */
        INVALID_BASE64,
        /** A {@code dockercfg} entry's decoded {@code auth} has no {@code :}. */
        MISSING_COLON
    }

    /**
     * A failure and its scope.
     *
     * @param failure the kind of failure
     * @param key     the {@code ECS_ENGINE_AUTH_DATA} key whose entry the agent drops, or null when it drops all
     * @param message what the agent does and how to fix the data; never contains a credential
     */
    public record Problem(Failure failure, String key, String message) {
        public Problem {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The credentials under one key.
     *
     * @param key       the key as written in the data
     * @param username  the username
     * @param password  the password
     * @param auth      the {@code auth} value as written, for {@code dockercfg}, or null for {@code docker}
     * @param secretArn the secret ARN when the value is a {@link #secretPlaceholder} rather than the credentials,
     *                  else null. Then username and password are the placeholder too.
     */
    public record Credentials(String key, String username, String password, String auth, String secretArn) {
        public Credentials {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[key=" + key + ", username=" + username + ", password=" + Mask.of(password) + "]";
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("<from secret (arn:[^>]+)>");

    private final String type;
    private final List<String> keys;
    private final List<Credentials> credentials;
    private final List<Problem> problems;

    private AgentAuthData(String type, List<String> keys, List<Credentials> credentials, List<Problem> problems) {
        this.type = type;
        this.keys = List.copyOf(keys);
        this.credentials = List.copyOf(credentials);
        this.problems = List.copyOf(problems);
    }

    private AgentAuthData(String type, List<Credentials> credentials, List<Problem> problems) {
        this(type, List.of(), credentials, problems);
    }

    /**
     * Returns the text that stands for credentials read from a Secrets Manager secret at boot, which
     * {@link UserDataConfigExtractor} puts where a script inserts such a value. Decoding keeps it as the username
     * and password of an entry with {@link Credentials#secretArn()} set, instead of failing as invalid base64.
     */
    public static String secretPlaceholder(String secretArn) {
        return "<from secret " + secretArn + ">";
    }

    /** Decodes the two settings of a parsed config file. */
    public static AgentAuthData from(EcsConfig config) {
        return decode(config.value(TYPE_KEY).orElse(null), config.value(DATA_KEY).orElse(null));
    }

    /**
     * Decodes the two settings.
     *
     * @param type the value of {@code ECS_ENGINE_AUTH_TYPE}, or null when it is not set
     * @param data the value of {@code ECS_ENGINE_AUTH_DATA}, or null when it is not set
     */
    public static AgentAuthData decode(String type, String data) {
        List<Problem> problems = new ArrayList<>();
        List<Credentials> credentials = new ArrayList<>();
        boolean noType = type == null || type.isEmpty();
        boolean noData = data == null || data.isEmpty();
        if (noType && noData) {
            return new AgentAuthData(type, credentials, problems);
        }
        if (noType) {
            problems.add(new Problem(Failure.MISSING_TYPE, null, DATA_KEY + " is set but " + TYPE_KEY
                    + " is not, so the agent ignores the auth data. Set " + TYPE_KEY + "=dockercfg or =docker."));
            return new AgentAuthData(type, credentials, problems);
        }
        if (!type.equals(TYPE_DOCKER) && !type.equals(TYPE_DOCKERCFG)) {
            problems.add(new Problem(Failure.UNKNOWN_TYPE, null, TYPE_KEY + " '" + type + "' is not 'docker' or"
                    + " 'dockercfg', so the agent ignores the auth data and pulls anonymously. Use one of those two"
                    + " values, without quotes."));
            return new AgentAuthData(type, credentials, problems);
        }
        if (noData) {
            problems.add(new Problem(Failure.MISSING_DATA, null, TYPE_KEY + " is '" + type + "' but " + DATA_KEY
                    + " is not set, so the agent has no credentials. Set " + DATA_KEY + " on one line."));
            return new AgentAuthData(type, credentials, problems);
        }

        JsonNode root;
        try {
            root = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            // The parser message may quote the data, which contains credentials, so only the position is reported.
            problems.add(invalidJson(type, "it is not valid JSON (error at character "
                    + (e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getCharOffset() + 1)) + ")"));
            return new AgentAuthData(type, credentials, problems);
        }
        if (root == null || root.isNull()) {
            return new AgentAuthData(type, credentials, problems);
        }
        if (!root.isObject()) {
            problems.add(invalidJson(type, "it is a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object"));
            return new AgentAuthData(type, credentials, problems);
        }
        if (root.size() == 1 && root.has("auths")) {
            problems.add(invalidJson(type, "it uses the {\"auths\": {...}} wrapper of a Docker config file, which"
                    + " the agent reads as a registry key named 'auths'. Remove the wrapper"));
            return new AgentAuthData(type, credentials, problems);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getValue().isObject() && !field.getValue().isNull()) {
                problems.add(invalidJson(type, "the value of key '" + field.getKey() + "' is not an object"));
                return new AgentAuthData(type, List.of(), problems);
            }
        }
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            JsonNode entry = field.getValue();
            String problem = type.equals(TYPE_DOCKER)
                    ? decodeDocker(key, entry, credentials)
                    : decodeDockercfg(key, entry, credentials, problems);
            if (problem != null) {
                problems.add(invalidJson(type, problem));
                return new AgentAuthData(type, List.of(), problems);
            }
        }
        return new AgentAuthData(type, keys, credentials, problems);
    }

    /** Returns the value of {@code ECS_ENGINE_AUTH_TYPE}, or null when it is not set. */
    public String type() {
        return type;
    }

    /** Returns whether either setting is present. */
    public boolean configured() {
        return type != null && !type.isEmpty() || !credentials.isEmpty() || !problems.isEmpty();
    }

    /** Returns the credentials the agent keeps, in the order of the JSON keys. */
    public List<Credentials> credentials() {
        return credentials;
    }

    /** Returns the failures the agent logs as warnings, empty when it uses every entry. */
    public List<Problem> problems() {
        return problems;
    }

    /** Returns the problem that drops the entry under the key, if any. */
    public Optional<Problem> problemFor(String key) {
        return problems.stream().filter(problem -> key.equals(problem.key())).findFirst();
    }

    /**
     * Returns the credentials the agent uses to pull the image, following {@link AgentAuthKeys}: the key equal to the
     * image's host if one exists, else the first matching key, replaced by a longer matching key that is a prefix of
     * the image name.
     *
     * <p>NOTE: the agent keeps the keys in a Go map, so with several path keys and no exact host key its choice
     * depends on map order. This method then returns the first in file order.
     */
    public Optional<Credentials> credentialsFor(ImageReference image) {
        List<Credentials> candidates = credentials.stream()
                .filter(candidate -> AgentAuthKeys.matches(candidate.key(), image))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Credentials chosen = candidates.stream()
                .filter(candidate -> AgentAuthKeys.normalize(candidate.key()).equals(image.registry()))
                .findFirst()
                .orElse(candidates.get(0));
        String name = image.registry() + "/" + image.repository();
        for (Credentials candidate : candidates) {
            String normalized = AgentAuthKeys.normalize(candidate.key());
            if (name.startsWith(normalized) && normalized.length() > AgentAuthKeys.normalize(chosen.key()).length()) {
                chosen = candidate;
            }
        }
        return Optional.of(chosen);
    }

    /** Returns the first key that matches the image, including keys whose entry the agent drops. */
    public Optional<String> matchingKey(ImageReference image) {
        return keys.stream().filter(key -> AgentAuthKeys.matches(key, image)).findFirst();
    }

    /** Returns every key of the JSON data in order, including keys whose entry the agent drops. */
    public List<String> keys() {
        return keys;
    }

    private static String decodeDocker(String key, JsonNode entry, List<Credentials> credentials) {
        String username = "";
        String password = "";
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            String name = field.getKey();
            boolean isUsername = name.equalsIgnoreCase("username");
            boolean isPassword = name.equalsIgnoreCase("password");
            if (!isUsername && !isPassword) {
                continue;
            }
            JsonNode value = field.getValue();
            if (!value.isTextual() && !value.isNull()) {
                return "the " + name + " of key '" + key + "' is not a string";
            }
            String text = value.isNull() ? "" : value.textValue();
            if (isUsername) {
                username = text;
            } else {
                password = text;
            }
        }
        String secretArn = placeholderArn(username);
        if (secretArn == null) {
            secretArn = placeholderArn(password);
        }
        credentials.add(new Credentials(key, username, password, null, secretArn));
        return null;
    }

    private static String decodeDockercfg(String key, JsonNode entry, List<Credentials> credentials,
                                          List<Problem> problems) {
        String auth = "";
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            if (!field.getKey().equalsIgnoreCase("auth")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (!value.isTextual() && !value.isNull()) {
                return "the auth of key '" + key + "' is not a string";
            }
            auth = value.isNull() ? "" : value.textValue();
        }

        String secretArn = placeholderArn(auth);
        if (secretArn != null) {
            credentials.add(new Credentials(key, auth, auth, auth, secretArn));
            return null;
        }
        byte[] decoded = decodeStandardBase64(auth);
        if (decoded == null) {
            problems.add(new Problem(Failure.INVALID_BASE64, key, "The auth of key '" + key + "' is not standard"
                    + " base64 with padding, so the agent drops this key and pulls its images anonymously. Encode"
                    + " username:password with base64 (alphabet A-Z a-z 0-9 + /, padded with =)."));
            return null;
        }
        String text = new String(decoded, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon < 0) {
            problems.add(new Problem(Failure.MISSING_COLON, key, "The decoded auth of key '" + key + "' has no ':',"
                    + " so the agent drops this key and pulls its images anonymously. Encode username:password."));
            return null;
        }
        credentials.add(new Credentials(key, text.substring(0, colon), text.substring(colon + 1), auth, null));
        return null;
    }

    private static String placeholderArn(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * Decodes as Go's {@code base64.StdEncoding} does: padding is required, and {@code \r} and {@code \n} are
     * skipped. Returns null for invalid input.
     */
    private static byte[] decodeStandardBase64(String value) {
        String compact = value.replace("\r", "").replace("\n", "");
        if (compact.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Problem invalidJson(String type, String reason) {
        String shape = type.equals(TYPE_DOCKER)
                ? "{\"<registry>\": {\"username\": \"...\", \"password\": \"...\"}}"
                : "{\"<registry>\": {\"auth\": \"<base64 of username:password>\"}}";
        return new Problem(Failure.INVALID_JSON, null, DATA_KEY + " is invalid for type '" + type + "' because "
                + reason + ", so the agent ignores all of it and pulls anonymously. Write it on one line as " + shape
                + ".");
    }
}
