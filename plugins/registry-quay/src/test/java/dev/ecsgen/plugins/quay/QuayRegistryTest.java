package dev.ecsgen.plugins.quay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsgen.api.AuthMode;
import dev.ecsgen.api.InvalidSpecException;
import dev.ecsgen.api.RegistryContribution;
import dev.ecsgen.api.RegistryDescriptor;
import dev.ecsgen.api.RegistrySpec;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuayRegistryTest {
    private final QuayRegistry quay = new QuayRegistry();

    private static RegistrySpec spec(String id, String host, AuthMode auth) {
        return new RegistrySpec("quay", id, host, auth, null, null);
    }

    @Test
    void describeDefaults() {
        RegistryDescriptor descriptor = quay.describe(spec(null, null, AuthMode.AGENT));

        assertThat(quay.type()).isEqualTo("quay");
        assertThat(descriptor.logicalId()).isEqualTo("Quay");
        assertThat(descriptor.authKey()).isEqualTo("quay.io");
        assertThat(descriptor.imageHosts()).isEqualTo(Set.of("quay.io"));
    }

    @Test
    void describeKeepsChosenId() {
        assertThat(quay.describe(spec("QuayRobot", "quay.io", AuthMode.AGENT)).logicalId()).isEqualTo("QuayRobot");
    }

    @Test
    void describeRejectsOtherHost() {
        assertThatThrownBy(() -> quay.describe(spec(null, "quay.example.com", AuthMode.AGENT)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Quay needs no host, and 'quay.example.com' is not quay.io: remove 'host',"
                        + " or use type selfhosted for a Red Hat Quay server of your own")
                .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo("host");
    }

    @Test
    void robotAccountPassesUsernamePatterns() {
        for (AuthMode auth : AuthMode.values()) {
            RegistrySpec spec = spec(null, null, auth);
            RegistryContribution contribution = quay.contribute(spec, quay.describe(spec));
            @SuppressWarnings("unchecked")
            Map<String, Object> username = (Map<String, Object>) contribution.parameters().get("QuayUsername");
            String pattern = (String) username.get("AllowedPattern");

            assertThat("exampleorg+deploybot").as("%s-level pattern %s", auth, pattern).matches(pattern);
            assertThat("exampleorg:deploybot").as("%s-level pattern %s", auth, pattern).doesNotMatch(pattern);
            assertThat("").as("%s-level pattern %s", auth, pattern).doesNotMatch(pattern);
        }
    }
}
