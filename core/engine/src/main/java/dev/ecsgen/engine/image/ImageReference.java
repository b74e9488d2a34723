package dev.ecsgen.engine.image;

import java.util.Objects;

/**
 * A Docker image reference in canonical form, such as {@code docker.io/library/nginx:1.27}.
 *
 * <p>The grammar is {@code [registry/]repository[:tag][@digest]}, as the Docker reference parser defines it.
 * The first component of the name is a registry host only when it contains '.' or ':' or is {@code localhost}.
 * Any other name is on Docker Hub, and a Docker Hub name without a namespace gets {@code library/}.
 *
 * @param registry   the registry host with an optional port, exactly as written, except that Docker Hub
 *                   ({@code docker.io} or {@code index.docker.io}) is always {@code docker.io}
 * @param repository the repository path, such as {@code library/nginx} or {@code team/app}
 * @param tag        the tag as written, or null when the reference has none
 * @param digest     the content digest, such as {@code sha256:} and 64 hex digits, or null when the reference has none
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    /**
     * Validates each part against the Docker grammar.
     *
     * @throws IllegalArgumentException if a part is invalid, if Docker Hub is not spelled {@code docker.io}, or if
     *                                  a Docker Hub repository lacks its namespace
     */
    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");

        String canonical = canonical(registry, repository, tag, digest);
        String problem = nameProblem(registry, repository);
        if (problem == null) {
            problem = ReferenceGrammar.registryProblem(registry);
        }
        if (problem == null && registry.equals(ReferenceGrammar.LEGACY_DOCKER_HUB_REGISTRY)) {
            problem = "Docker Hub must be written as registry 'docker.io'";
        }
        if (problem == null && registry.equals(ReferenceGrammar.DOCKER_HUB_REGISTRY) && !repository.contains("/")) {
            problem = "a Docker Hub repository needs a namespace, such as library/" + repository;
        }
        if (problem == null && tag != null) {
            problem = ReferenceGrammar.tagProblem(tag);
        }
        if (problem == null && digest != null) {
            problem = ReferenceGrammar.digestProblem(digest);
        }
        if (problem != null) {
            throw invalid(canonical, problem);
        }
    }

    /**
     * Parses a reference as Docker does and normalizes Docker Hub names.
     *
     * @param value a reference such as {@code nginx}, {@code org/app:1.0} or
     *              {@code registry.example.com:5000/team/app@sha256:...}
     * @return the reference in canonical form
     * @throws IllegalArgumentException if the value is null, empty, contains whitespace or control characters,
     *                                  names more than 255 characters, or breaks the grammar
     */
    public static ImageReference parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing image reference (null): expected"
                    + " [registry/]repository[:tag][@digest], " + ReferenceGrammar.EXAMPLES);
        }
        rejectUnprintable(value);
        if (ReferenceGrammar.isImageId(value)) {
            throw invalid(value, "a 64-digit hex string is an image ID, not a repository name");
        }
        if (value.contains("://")) {
            throw invalid(value, "an image reference has no scheme such as https://; remove it and start with the registry host");
        }

        String name = value;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }

        // A ':' after the last '/' starts the tag. An earlier ':' belongs to the registry port.
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (name.isEmpty()) {
            throw invalid(value, "the repository name is missing");
        }

        // NOTE: Docker's reference parser (distribution/reference v0.5.0) also reads an upper-case first
        // component such as "Team/app" as a registry host. This parser follows the ECS agent, which reads it as
        // a Docker Hub namespace, and therefore rejects the name as upper case.
        String registry = ReferenceGrammar.DOCKER_HUB_REGISTRY;
        String repository = name;
        int slash = name.indexOf('/');
        if (slash >= 0 && ReferenceGrammar.looksLikeRegistry(name.substring(0, slash))) {
            registry = name.substring(0, slash);
            repository = name.substring(slash + 1);
        }
        if (ReferenceGrammar.isDockerHubSpelling(registry)) {
            registry = ReferenceGrammar.DOCKER_HUB_REGISTRY;
            if (!repository.contains("/")) {
                repository = ReferenceGrammar.OFFICIAL_NAMESPACE + repository;
            }
        }

        String problem = nameProblem(registry, repository);
        if (problem == null && !registry.equals(ReferenceGrammar.DOCKER_HUB_REGISTRY)) {
            problem = ReferenceGrammar.registryProblem(registry);
        }
        if (problem == null && tag != null) {
            problem = ReferenceGrammar.tagProblem(tag);
        }
        if (problem == null && digest != null) {
            problem = ReferenceGrammar.digestProblem(digest);
        }
        if (problem != null) {
            throw invalid(value, problem);
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /**
     * Returns the tag that Docker pulls: the tag if one is set, {@code latest} when the reference has neither
     * tag nor digest, and null when the reference pins only a digest.
     */
    public String effectiveTag() {
        if (tag != null) {
            return tag;
        }
        return digest == null ? "latest" : null;
    }

    /**
     * Returns whether the ECS agent treats this image as a Docker Hub image. Besides {@code docker.io} the agent
     * counts {@code registry-1.docker.io}, which Docker itself keeps as a separate host name.
     */
    public boolean isDockerHub() {
        return ReferenceGrammar.AGENT_DOCKER_HUB_HOSTS.contains(registry);
    }

    /**
     * Returns the {@code ECS_ENGINE_AUTH_DATA} key under which the ECS agent looks up credentials for this
     * image: {@link AgentAuthKeys#DOCKER_HUB_KEY} for Docker Hub, otherwise the registry host and port as written.
     */
    public String agentAuthKey() {
        return isDockerHub() ? AgentAuthKeys.DOCKER_HUB_KEY : registry;
    }

    /** Returns the canonical form {@code registry/repository[:tag][@digest]}, which {@link #parse} accepts. */
    @Override
    public String toString() {
        return canonical(registry, repository, tag, digest);
    }

    private static String canonical(String registry, String repository, String tag, String digest) {
        var text = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }

    /** Checks the length limit first so that the component patterns never run on an over-long name. */
    private static String nameProblem(String registry, String repository) {
        int length = registry.length() + 1 + repository.length();
        if (length > ReferenceGrammar.MAX_NAME_LENGTH) {
            return "the name " + registry + "/... is " + length + " characters long but Docker allows at most "
                    + ReferenceGrammar.MAX_NAME_LENGTH + " for registry and repository together";
        }
        return ReferenceGrammar.repositoryProblem(repository);
    }

    private static void rejectUnprintable(String value) {
        if (value.isEmpty()) {
            throw invalid(value, "the value is empty but an image reference has the form"
                    + " [registry/]repository[:tag][@digest]");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw invalid(value, "image references must not contain whitespace");
            }
            if (Character.isISOControl(c)) {
                throw invalid(value, "image references must not contain control characters");
            }
        }
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException(
                "invalid image reference '" + escape(value) + "': " + reason + ", " + ReferenceGrammar.EXAMPLES);
    }

    /** Escapes control characters so that the message stays on one line and shows what the value contained. */
    private static String escape(String value) {
        var text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
