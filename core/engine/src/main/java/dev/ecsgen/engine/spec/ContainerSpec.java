package dev.ecsgen.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One container definition.
 *
 * @param name         letters, digits, '-' and '_'
 * @param image        a Docker image reference
 * @param memory       hard memory limit in MiB
 * @param cpu          CPU units (1024 is one vCPU)
 * @param essential    whether the task stops when this container stops
 * @param portMappings container and host ports
 * @param privateImage {@code true} makes a missing credential for the image's registry an error
 * @param environment  plain environment variables; never credentials
 */
public record ContainerSpec(
        String name,
        String image,
        Integer memory,
        Integer cpu,
        Boolean essential,
        List<PortMapping> portMappings,
        @JsonProperty("private") Boolean privateImage,
        Map<String, String> environment) {
}
