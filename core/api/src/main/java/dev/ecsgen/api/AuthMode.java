package dev.ecsgen.api;

/** The place a registry's credentials are read from at pull time. */
public enum AuthMode {
    /** The ECS agent on each container instance reads them from {@code /etc/ecs/ecs.config}. */
    AGENT,
    /** Each container definition names a Secrets Manager secret in {@code RepositoryCredentials}. */
    TASK
}
