package dev.ecsgen.engine.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules by which the ECS container agent picks an {@code ECS_ENGINE_AUTH_DATA} key for an image.
 *
 * <p>Source: {@code agent/dockerclient/dockerauth/dockerauth.go} in aws/amazon-ecs-agent, read at commit
 * f4942920f6ef. The agent strips a leading {@code http://} or {@code https://} from each key. For a Docker Hub
 * image it then uses only the key {@code index.docker.io/v1/}. For any other image it takes the keys whose host
 * part (the text before the first '/') equals the image's registry, compared case-sensitively.
 */
public final class AgentAuthKeys {
    /**
     * The key the agent uses for Docker Hub images, as {@code docker login} writes it. Because the agent strips the
     * scheme first, {@code http://index.docker.io/v1/} and {@code index.docker.io/v1/} reach the same entry.
     */
    public static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private static final String NORMALIZED_DOCKER_HUB_KEY = "index.docker.io/v1/";

    private AgentAuthKeys() {
    }

    /**
     * Strips one leading {@code http://} or {@code https://}, as the agent does. The agent compares the scheme
     * case-sensitively, so {@code HTTPS://} stays.
     */
    public static String normalize(String key) {
        Objects.requireNonNull(key, "key");
        if (key.startsWith("http://")) {
            return key.substring("http://".length());
        }
        if (key.startsWith("https://")) {
            return key.substring("https://".length());
        }
        return key;
    }

    /**
     * Returns whether the agent may use the credentials under this key to pull the image.
     *
     * <p>A key with a path, such as {@code quay.io/team}, is a candidate for every image on its host. The agent
     * starts from the key equal to the host if there is one, or else from the first candidate in map order. It
     * replaces that key only with a longer one that is a prefix of the image name. So a key with a path can
     * supply the credentials for an image in another namespace.
     */
    public static boolean matches(String key, ImageReference image) {
        Objects.requireNonNull(image, "image");
        String normalized = normalize(key);
        if (image.isDockerHub()) {
            return normalized.equals(NORMALIZED_DOCKER_HUB_KEY);
        }
        return host(normalized).equals(image.registry());
    }

    /**
     * Explains why the agent can never use this key for any image, or why using it is risky.
     *
     * @return the explanation, or empty when the key is a plain {@code host[:port]} or the Docker Hub key
     */
    public static Optional<String> problem(String key) {
        Objects.requireNonNull(key, "key");
        String normalized = normalize(key);
        String host = host(normalized);

        if (normalized.isEmpty()) {
            return explain(key, "is empty, so it matches no image. Use a registry host such as quay.io");
        }
        if (normalized.chars().anyMatch(Character::isWhitespace)) {
            return explain(key, "contains whitespace, so it matches no image registry. Remove the whitespace");
        }
        if (normalized.contains("://")) {
            return explain(key, "keeps its scheme because the agent strips only a leading lower-case http:// or"
                    + " https://. Write the key as " + normalized.substring(normalized.indexOf("://") + 3));
        }
        if (ReferenceGrammar.AGENT_DOCKER_HUB_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            if (normalized.equals(NORMALIZED_DOCKER_HUB_KEY)) {
                return Optional.empty();
            }
            return explain(key, "never matches because the agent looks up Docker Hub images only under "
                    + DOCKER_HUB_KEY + " (with the trailing slash), so use that key");
        }
        if (!ReferenceGrammar.looksLikeRegistry(host)) {
            return explain(key, "never matches because '" + host + "' has no '.' or ':' and is not localhost,"
                    + " so Docker reads an image name starting with it as a Docker Hub namespace");
        }
        String hostProblem = ReferenceGrammar.registryProblem(host);
        if (hostProblem != null) {
            return explain(key, "never matches because its " + hostProblem);
        }
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            return explain(key, "matches only images that spell the host with the same upper-case letters,"
                    + " because the agent compares hosts case-sensitively. Write it as "
                    + host.toLowerCase(Locale.ROOT) + normalized.substring(host.length()));
        }
        if (normalized.length() > host.length()) {
            return explain(key, "has a path after the host, but the agent may use it for any image on " + host
                    + ", and with several such keys the choice depends on map order. Use the key " + host);
        }
        return Optional.empty();
    }

    /**
     * Groups the keys that normalize to the same text. The agent stores keys after normalizing, so only one
     * key of each group survives, and which one depends on map order.
     *
     * @return groups of two or more keys in input order, ordered by first appearance
     */
    public static List<List<String>> duplicates(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<String, List<String>> byNormalized = new LinkedHashMap<>();
        for (String key : keys) {
            byNormalized.computeIfAbsent(normalize(key), normalized -> new ArrayList<>()).add(key);
        }

        List<List<String>> groups = new ArrayList<>();
        for (List<String> group : byNormalized.values()) {
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
        return List.copyOf(groups);
    }

    private static String host(String normalizedKey) {
        int slash = normalizedKey.indexOf('/');
        return slash < 0 ? normalizedKey : normalizedKey.substring(0, slash);
    }

    private static Optional<String> explain(String key, String reason) {
        return Optional.of("ECS_ENGINE_AUTH_DATA key '" + key + "' " + reason);
    }
}
