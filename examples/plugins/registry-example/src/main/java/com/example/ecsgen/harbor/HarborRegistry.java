package com.example.ecsgen.harbor;

import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Credentials for a Harbor registry, in a spec entry such as:
 *
 * <pre>
 * registries:
 *   - type: harbor
 *     host: harbor.example.com
 *     auth: agent
 * </pre>
 *
 * <p>Only {@link #type()} and {@link #describe} are needed. The default
 * {@link RegistryAuthRenderer#contribute} renders all four credential forms: agent or task level, from
 * NoEcho parameters or from an existing Secrets Manager secret.
 */
@Extension
public class HarborRegistry implements RegistryAuthRenderer {
    /** A lower-case DNS name with at least one dot, then an optional port, as images name the registry. */
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[1-9][0-9]{0,4})?");

    @Override
    public String type() {
        return "harbor";
    }

    @Override
    public RegistryDescriptor describe(RegistrySpec spec) {
        String host = spec.host();
        if (host == null) {
            throw new InvalidSpecException("host", "type harbor needs the registry host as images name it,"
                    + " such as harbor.example.com or harbor.example.com:8443");
        }
        if (!HOST.matcher(host).matches()) {
            throw new InvalidSpecException("host", "'" + host + "' is not a host[:port]: expected a lower-case"
                    + " DNS name and an optional port, with no scheme and no path, such as harbor.example.com:8443");
        }
        String id = spec.id() == null ? "Harbor" : spec.id();
        // The ECS agent looks up credentials under the image's host[:port] exactly, so the key is the host.
        return new RegistryDescriptor(id, host, Set.of(host));
    }

    /** Harbor robot accounts log in as robot$project+name, which the default pattern already accepts. */
    @Override
    public String usernameConstraint() {
        return "The username, such as robot$project+name for a Harbor robot account, must not be empty and must"
                + " not contain ':' or control characters, because the ECS agent splits username:password at the"
                + " first ':'.";
    }
}
