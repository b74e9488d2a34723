package dev.ecsgen.plugins.selfhosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsgen.api.AuthMode;
import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelfHostedRegistryTest {
    private final SelfHostedRegistry registry = new SelfHostedRegistry();

    private RegistryDescriptor describe(String id, String host) {
        return registry.describe(new RegistrySpec("selfhosted", id, host, AuthMode.AGENT, null, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "registry.example.com:5000, RegistryExampleCom5000",
        "registry.example.com, RegistryExampleCom",
        "harbor-01.corp.example, Harbor01CorpExample",
        "10.0.0.5:5000, Registry100055000",
        "localhost:5000, Localhost5000",
        "localhost, Localhost",
        "registry:443, Registry443",
    })
    void describeDerivesIdFromHost(String host, String id) {
        RegistryDescriptor descriptor = describe(null, host);

        assertThat(descriptor.logicalId()).isEqualTo(id);
        assertThat(descriptor.authKey()).isEqualTo(host);
        assertThat(descriptor.imageHosts()).isEqualTo(Set.of(host));
    }

    @Test
    void describeKeepsChosenId() {
        assertThat(describe("Internal", "registry.example.com:5000").logicalId()).isEqualTo("Internal");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://registry.example.com | remove the scheme 'https://'",
        "registry.example.com:5000/team | remove the path '/team', because images name only the host and port before the first '/'",
        "Registry.Example.com:5000 | write the host in lower case, as registry.example.com:5000, because the agent compares it with the image's registry character for character",
        "registry.example.com:0 | the port '0' is not a number from 1 to 65535 without leading zeros",
        "registry.example.com:65536 | the port '65536' is not a number from 1 to 65535 without leading zeros",
        "registry.example.com:05000 | the port '05000' is not a number from 1 to 65535 without leading zeros",
        "registry.example.com: | the port '' is not a number from 1 to 65535 without leading zeros",
        "registry.example.com:http | the port 'http' is not a number from 1 to 65535 without leading zeros",
        "registry_1.example.com | 'registry_1' is not a DNS label: each dot-separated part must have 1 to 63 lower-case letters, digits and '-', and must not start or end with '-'",
        "-registry.example.com | '-registry' is not a DNS label: each dot-separated part must have 1 to 63 lower-case letters, digits and '-', and must not start or end with '-'",
        "registry..example.com | '' is not a DNS label: each dot-separated part must have 1 to 63 lower-case letters, digits and '-', and must not start or end with '-'",
        "10.0.0.256:5000 | '10.0.0.256' is neither a DNS name nor an IPv4 address of four numbers from 0 to 255",
        "10.0.5:5000 | '10.0.5' is neither a DNS name nor an IPv4 address of four numbers from 0 to 255",
        "registry | an image name starting with 'registry/' is read as a Docker Hub namespace, because the host has no '.' and no port: use the full DNS name or add the port",
        "docker.io | this is Docker Hub, which the agent looks up only under its own key: use type dockerhub without a host",
        "registry-1.docker.io:443 | this is Docker Hub, which the agent looks up only under its own key: use type dockerhub without a host",
        "[::1]:5000 | IPv6 addresses are not supported, so name the registry by a DNS name or an IPv4 address",
    })
    void describeRejectsInvalidHost(String host, String problem) {
        assertThatThrownBy(() -> describe(null, host))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("'" + host + "': " + problem + "; " + SelfHostedRegistry.EXPECTED)
                .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo("host");
    }

    @Test
    void describeRequiresHost() {
        assertThatThrownBy(() -> describe(null, null))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("type selfhosted needs a host: expected host[:port] as images name the registry:"
                        + " a lower-case DNS name or an IPv4 address, then optionally ':' and a port from 1 to 65535,"
                        + " with no scheme and no path, such as registry.example.com, registry.example.com:5000"
                        + " or 10.0.0.5:5000");
    }

    @Test
    void describeRejectsOverlongDerivedId() {
        String host = "a".repeat(63) + ".example.com";

        assertThatThrownBy(() -> describe(null, host))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("the id derived from host '" + host + "' would be 73 characters long, but a registry id"
                        + " has at most 64: set 'id' on this registry, such as id: InternalRegistry");
        assertThat(describe("LongRegistry", host).logicalId()).isEqualTo("LongRegistry");
    }
}
