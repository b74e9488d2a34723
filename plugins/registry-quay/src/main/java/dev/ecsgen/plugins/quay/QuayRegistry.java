package dev.ecsgen.plugins.quay;

import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Credentials for Quay ({@code quay.io}). The ECS agent matches images such as
 * {@code quay.io/org/app:1.0} against the key {@code quay.io}, so that is the key this plugin writes.
 *
 * <p>Quay robot accounts log in as {@code namespace+robotname} with a token as the password. The
 * default username pattern of {@link RegistryAuthRenderer} accepts the {@code +}.
 */
@Extension
public class QuayRegistry implements RegistryAuthRenderer {
    /** The registry host, which is also the key of {@code ECS_ENGINE_AUTH_DATA}. */
    public static final String HOST = "quay.io";

    @Override
    public String type() {
        return "quay";
    }

    @Override
    public RegistryDescriptor describe(RegistrySpec spec) {
        if (spec.host() != null && !spec.host().equals(HOST)) {
            throw new InvalidSpecException("host", "Quay needs no host, and '" + spec.host()
                    + "' is not quay.io: remove 'host', or use type selfhosted for a Red Hat Quay server of your own");
        }
        String id = spec.id() == null ? "Quay" : spec.id();
        return new RegistryDescriptor(id, HOST, Set.of(HOST));
    }
}
