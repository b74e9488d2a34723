package dev.ecsgen.api;

import java.util.Set;

/**
 * How one configured registry appears to the ECS agent and in the template.
 *
 * @param logicalId  prefix of the registry's parameters and resources, such as {@code DockerHub}; alphanumeric
 * @param authKey    the key of {@code ECS_ENGINE_AUTH_DATA} that the agent matches against image registries
 * @param imageHosts the registry hosts, as images name them, whose pulls this registry serves
 */
public record RegistryDescriptor(String logicalId, String authKey, Set<String> imageHosts) {
    public RegistryDescriptor {
        if (logicalId == null || !logicalId.matches("[A-Za-z][A-Za-z0-9]{0,63}")) {
            throw new IllegalArgumentException("invalid logical id '" + logicalId + "': expected a letter then up to 63 letters or digits");
        }
        imageHosts = Set.copyOf(imageHosts);
    }
}
