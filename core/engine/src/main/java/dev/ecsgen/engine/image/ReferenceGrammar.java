package dev.ecsgen.engine.image;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Docker image reference grammar, as the Docker reference parser (distribution/reference) and the
 * go-digest library define it.
 *
 * <p>The patterns use possessive quantifiers so that a long invalid value cannot make them backtrack.
 */
final class ReferenceGrammar {
    /** Docker rejects a name (registry, '/', repository) longer than this many characters. */
    static final int MAX_NAME_LENGTH = 255;

    static final String DOCKER_HUB_REGISTRY = "docker.io";
    static final String LEGACY_DOCKER_HUB_REGISTRY = "index.docker.io";
    static final String OFFICIAL_NAMESPACE = "library/";

    /** Registry hosts that the ECS agent treats as Docker Hub when it looks up credentials. */
    static final Set<String> AGENT_DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    static final String EXAMPLES = "e.g. nginx:1.27 or registry.example.com:5000/team/app:1.0";

    /**
     * One repository path component. Docker writes the separator as {@code [._]|__|[-]*}. Its empty
     * alternative only joins two runs of letters and digits, so {@code -++} accepts the same names.
     */
    private static final Pattern PATH_COMPONENT =
            Pattern.compile("[a-z0-9]++(?:(?:[._]|__|-++)[a-z0-9]++)*+");

    /** One DNS label: letters and digits, with dashes only between them (Docker's domain-name component). */
    private static final String DOMAIN_LABEL = "[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+";
    private static final Pattern HOST = Pattern.compile(
            "(?:" + DOMAIN_LABEL + "(?:\\." + DOMAIN_LABEL + ")*+|\\[[a-fA-F0-9:]++\\])(?::([0-9]++))?");

    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    /** Digest as go-digest validates it: a supported algorithm and its lower-case hex encoding at full length. */
    private static final Pattern DIGEST =
            Pattern.compile("sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128}");

    /** A bare 64-digit hex string, which Docker reads as an image ID and rejects as a repository name. */
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    private ReferenceGrammar() {
    }

    /**
     * Returns whether the first component of a name is a registry host rather than a Docker Hub
     * namespace, by the rule Docker and the ECS agent share.
     */
    static boolean looksLikeRegistry(String firstComponent) {
        return firstComponent.contains(".") || firstComponent.contains(":") || firstComponent.equals("localhost");
    }

    static boolean isDockerHubSpelling(String registry) {
        return registry.equals(DOCKER_HUB_REGISTRY) || registry.equals(LEGACY_DOCKER_HUB_REGISTRY);
    }

    static boolean isImageId(String value) {
        return IMAGE_ID.matcher(value).matches();
    }

    /** Returns why the registry host is invalid, or null when it is valid. */
    static String registryProblem(String registry) {
        var matcher = HOST.matcher(registry);
        if (!matcher.matches()) {
            return "registry host '" + registry + "' is invalid because a host is a DNS name or a bracketed IPv6"
                    + " address, optionally followed by :port";
        }

        String port = matcher.group(1);
        if (port != null && !isPortInRange(port)) {
            return "the port of registry '" + registry + "' must be between 1 and 65535";
        }
        return null;
    }

    /** Returns why the repository path is invalid, or null when it is valid. */
    static String repositoryProblem(String repository) {
        if (!repository.equals(repository.toLowerCase(java.util.Locale.ROOT))) {
            return "repository names must be lower case";
        }

        for (String component : repository.split("/", -1)) {
            if (component.isEmpty()) {
                return "the repository path '" + repository + "' has an empty component, so check for a leading,"
                        + " trailing or doubled '/'";
            }
            if (!PATH_COMPONENT.matcher(component).matches()) {
                return "path component '" + component + "' is invalid because components are lower-case letters"
                        + " and digits joined by '.', '_', '__' or dashes";
            }
        }
        return null;
    }

    /** Returns why the tag is invalid, or null when it is valid. */
    static String tagProblem(String tag) {
        if (tag.isEmpty()) {
            return "the tag after ':' is empty, so remove the ':' or add a tag";
        }
        if (!TAG.matcher(tag).matches()) {
            return "tag '" + tag + "' is invalid because a tag has 1 to 128 letters, digits, '_', '.' or '-'"
                    + " and must not start with '.' or '-'";
        }
        return null;
    }

    /** Returns why the digest is invalid, or null when it is valid. */
    static String digestProblem(String digest) {
        if (digest.isEmpty()) {
            return "the digest after '@' is empty, so remove the '@' or add a digest";
        }
        if (!DIGEST.matcher(digest).matches()) {
            return "digest '" + digest + "' is invalid because a digest is sha256: followed by 64 lower-case hex"
                    + " digits (or sha384: with 96, sha512: with 128)";
        }
        return null;
    }

    private static boolean isPortInRange(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty() || significant.length() > 5) {
            return false;
        }
        return Integer.parseInt(significant) <= 65535;
    }
}
