package dev.ecsgen.plugins.selfhosted;

import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryAuthRenderer;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Credentials for a registry you run, named by {@code host[:port]} exactly as images name it, such as
 * {@code registry.example.com:5000}. A spec may list any number of them.
 *
 * <p>The ECS agent compares the image's registry with each key of {@code ECS_ENGINE_AUTH_DATA}
 * character for character, port included: the key {@code registry.example.com} does not match the
 * image {@code registry.example.com:5000/team/app}. So the host is validated strictly and written
 * unchanged as the key.
 */
@Extension
public class SelfHostedRegistry implements RegistryAuthRenderer {
    static final String EXPECTED = "expected host[:port] as images name the registry: a lower-case DNS name or"
            + " an IPv4 address, then optionally ':' and a port from 1 to 65535, with no scheme and no path,"
            + " such as registry.example.com, registry.example.com:5000 or 10.0.0.5:5000";

    private static final int MAX_HOST_LENGTH = 253;
    private static final int MAX_ID_LENGTH = 64;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    /** The hosts the agent treats as Docker Hub, which only the {@code dockerhub} type can serve. */
    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    @Override
    public String type() {
        return "selfhosted";
    }

    @Override
    public RegistryDescriptor describe(RegistrySpec spec) {
        String host = spec.host();
        if (host == null || host.isEmpty()) {
            throw new InvalidSpecException("host", "type selfhosted needs a host: " + EXPECTED);
        }
        checkHost(host);
        String id = spec.id() == null ? idFor(host) : spec.id();
        return new RegistryDescriptor(id, host, Set.of(host));
    }

    /**
     * Derives a logical id prefix from the host: each run of letters and digits, first letter upper
     * case, so {@code registry.example.com:5000} gives {@code RegistryExampleCom5000}. A host that
     * starts with a digit, such as an IPv4 address, gets the prefix {@code Registry}.
     *
     * @throws InvalidSpecException when the id would be longer than a logical id prefix may be
     */
    static String idFor(String host) {
        StringBuilder id = new StringBuilder();
        for (String part : host.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        if (!Character.isLetter(id.charAt(0))) {
            id.insert(0, "Registry");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidSpecException("host", "the id derived from host '" + host + "' would be "
                    + id.length() + " characters long, but a registry id has at most " + MAX_ID_LENGTH
                    + ": set 'id' on this registry, such as id: InternalRegistry");
        }
        return id.toString();
    }

    /** Rejects anything the agent would not match against an image's {@code host[:port]}. */
    static void checkHost(String host) {
        int schemeEnd = host.indexOf("://");
        if (schemeEnd >= 0) {
            throw invalid(host, "remove the scheme '" + host.substring(0, schemeEnd + 3) + "'");
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            throw invalid(host, "remove the path '" + host.substring(slash) + "', because images name only"
                    + " the host and port before the first '/'");
        }
        if (host.startsWith("[")) {
            throw invalid(host, "IPv6 addresses are not supported, so name the registry by a DNS name or an IPv4 address");
        }
        String name = host;
        int colon = host.indexOf(':');
        if (colon >= 0) {
            name = host.substring(0, colon);
            checkPort(host, host.substring(colon + 1));
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw invalid(host, "write the host in lower case, as "
                    + name.toLowerCase(Locale.ROOT) + host.substring(name.length())
                    + ", because the agent compares it with the image's registry character for character");
        }
        if (DOCKER_HUB_HOSTS.contains(name)) {
            throw invalid(host, "this is Docker Hub, which the agent looks up only under its own key: use"
                    + " type dockerhub without a host");
        }
        checkName(host, name, colon >= 0);
    }

    private static void checkPort(String host, String port) {
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
            throw invalid(host, "the port '" + port + "' is not a number from 1 to 65535 without leading zeros");
        }
    }

    private static void checkName(String host, String name, boolean hasPort) {
        if (name.isEmpty() || name.length() > MAX_HOST_LENGTH) {
            throw invalid(host, "the host name must have 1 to " + MAX_HOST_LENGTH + " characters");
        }
        String[] labels = name.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw invalid(host, "'" + label + "' is not a DNS label: each dot-separated part must have 1 to 63"
                        + " lower-case letters, digits and '-', and must not start or end with '-'");
            }
            numeric &= label.chars().allMatch(Character::isDigit);
        }
        if (numeric && !isIpv4(labels)) {
            throw invalid(host, "'" + name + "' is neither a DNS name nor an IPv4 address of four numbers from 0 to 255");
        }
        // Docker reads the first part of an image name as a registry only when it contains '.' or ':'
        // or is localhost. Any other name would be a Docker Hub namespace, so no image could use it.
        if (labels.length == 1 && !hasPort && !name.equals("localhost")) {
            throw invalid(host, "an image name starting with '" + name + "/' is read as a Docker Hub namespace,"
                    + " because the host has no '.' and no port: use the full DNS name or add the port");
        }
    }

    private static boolean isIpv4(String[] labels) {
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (!IPV4_OCTET.matcher(label).matches() || Integer.parseInt(label) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InvalidSpecException invalid(String host, String problem) {
        return new InvalidSpecException("host", "'" + host + "': " + problem + "; " + EXPECTED);
    }
}
