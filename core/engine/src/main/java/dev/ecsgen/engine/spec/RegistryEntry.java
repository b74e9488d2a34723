package dev.ecsgen.engine.spec;

/**
 * One entry of the spec's {@code registries} list.
 *
 * @param type      id of the registry plugin, such as {@code dockerhub}
 * @param id        logical id prefix of the registry's parameters
 * @param host      {@code host[:port]} as images name the registry
 * @param auth      {@code agent} or {@code task}
 * @param secretArn an existing Secrets Manager secret with {@code username} and {@code password}
 * @param kmsKeyArn the customer-managed KMS key of that secret
 */
public record RegistryEntry(String type, String id, String host, String auth, String secretArn, String kmsKeyArn) {
}
