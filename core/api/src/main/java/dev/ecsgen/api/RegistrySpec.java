package dev.ecsgen.api;

import java.util.Objects;

/**
 * One entry of the spec's {@code registries} list, as the user wrote it.
 *
 * @param type      the id of the {@link RegistryAuthRenderer} that serves it, such as {@code dockerhub}
 * @param id        the logical id prefix the user chose, or {@code null} for the plugin's default
 * @param host      the registry host as images name it ({@code host[:port]}), or {@code null}
 * @param auth      agent-level or task-level credentials
 * @param secretArn an existing Secrets Manager secret with {@code username} and {@code password}, or {@code null}
 * @param kmsKeyArn the customer-managed KMS key that encrypts that secret, or at task level without
 *                  {@code secretArn} the secret the stack creates; {@code null} for the AWS managed key
 */
public record RegistrySpec(String type, String id, String host, AuthMode auth, String secretArn, String kmsKeyArn) {
    public RegistrySpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(auth, "auth");
    }
}
