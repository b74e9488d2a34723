package dev.ecsgen.plugins.dockerhub;

import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Docker Hub credentials. The ECS agent matches Docker Hub images ({@code nginx}, {@code org/app},
 * {@code docker.io/org/app}) only against the key {@code https://index.docker.io/v1/}, trailing slash
 * included, so that is the one key this plugin writes.
 */
@Extension
public class DockerHubRegistry implements RegistryAuthRenderer {
    /** The only key of {@code ECS_ENGINE_AUTH_DATA} the agent matches for Docker Hub images. */
    public static final String AUTH_KEY = "https://index.docker.io/v1/";

    @Override
    public String type() {
        return "dockerhub";
    }

    @Override
    public RegistryDescriptor describe(RegistrySpec spec) {
        if (spec.host() != null && !Set.of("docker.io", "index.docker.io").contains(spec.host())) {
            throw new InvalidSpecException("host", "Docker Hub needs no host, and '" + spec.host()
                    + "' is not Docker Hub: remove 'host', or use type selfhosted for another registry");
        }
        String id = spec.id() == null ? "DockerHub" : spec.id();
        return new RegistryDescriptor(id, AUTH_KEY, Set.of("docker.io", "index.docker.io", "registry-1.docker.io"));
    }
}
