package dev.ecsgen.api;

/** Where a registry's credentials live at pull time. */
public enum AuthMode {
    /** The ECS agent on each container instance holds them in {@code /etc/ecs/ecs.config}. */
    AGENT,
    /** Each container definition names a Secrets Manager secret in {@code RepositoryCredentials}. */
    TASK
}
